//! Every string the user sees, in English and 简体中文.
//!
//! A `match` over an enum rather than a translation crate: with two
//! languages, the compiler's exhaustiveness check proves every key has both
//! texts, which no lookup-by-string library gives; and it adds nothing to
//! the wasm. Terms follow the glossary of the domain brief.
//!
//! - `keys`: the names of the strings (`Key`);
//! - `en`, `zh`: one exhaustive `match` per language;
//! - `compare`: the comparison table's rows and changes in words;
//! - `glossary`: the Learn page's glossary, with typed `Term`s;
//! - `messages`: sentences built around numbers and the model's own types
//!   (a refused value, a history line, a schedule problem, …).
//!
//! The model never sees this module: it names things with its own enums,
//! and the functions here put them into words.

mod compare;
mod en;
mod glossary;
mod keys;
mod messages;
mod zh;

use serde::{Deserialize, Serialize};

pub use compare::*;
pub use glossary::*;
pub use keys::Key;
pub use messages::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The first language from the browser's list (`navigator.languages`).
    pub fn from_browser(languages: &[String]) -> Lang {
        languages
            .iter()
            .find_map(|l| {
                let l = l.to_ascii_lowercase();
                if l.starts_with("zh") {
                    Some(Lang::Zh)
                } else if l.starts_with("en") {
                    Some(Lang::En)
                } else {
                    None
                }
            })
            .unwrap_or_default()
    }

    /// `html lang` attribute value.
    pub fn html(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }
}

/// The text of `key` in `lang`.
pub fn text(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => en::text(key),
        Lang::Zh => zh::text(key),
    }
}
