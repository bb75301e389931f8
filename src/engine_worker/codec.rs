//! How requests and replies cross to and from the worker: bincode bytes in
//! a `Uint8Array` (a structured clone copies them; no JSON on either side).
//! The wire types avoid what bincode cannot read back (internally tagged
//! enums, `serde(flatten)`): `wire`'s tests send every job through it.

use js_sys::Uint8Array;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

pub fn encode<T: Serialize>(value: &T) -> Result<Uint8Array, bincode::Error> {
    let bytes = bincode::serialize(value)?;
    Ok(Uint8Array::from(bytes.as_slice()))
}

pub fn decode<T: DeserializeOwned>(message: &JsValue) -> Result<T, bincode::Error> {
    let bytes = Uint8Array::new(message).to_vec();
    bincode::deserialize(&bytes)
}
