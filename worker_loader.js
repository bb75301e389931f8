// The engine's Web Worker (capacity plans, heavy days, forecasts, shifts).
// It runs the whole app's wasm (the one the page loads for its other pages): the page
// passes its glue and wasm, whose names carry a content hash, in the query
// string. A classic worker: the glue is an ES module, so it is imported
// dynamically. The wasm's `main` sees no window and does nothing here.
// Once loaded, the wasm posts "ready"; if loading fails, this posts
// "failed" and the page starts another worker (engine_worker/client.rs).
const params = new URL(self.location.href).searchParams;
const resolve = (name) => new URL(name, self.location.href).href;
import(resolve(params.get('glue')))
  .then(async (glue) => {
    await glue.default({ module_or_path: resolve(params.get('wasm')) });
    glue.run_engine_worker();
  })
  .catch((error) => self.postMessage(`failed: ${error}`));
