// The engine's Web Worker (capacity plans, heavy days). It runs the page's
// own wasm, so the site ships one wasm for both: the page passes its glue
// and wasm, whose names carry a content hash, in the query string. gloo-worker
// starts classic workers; the glue is an ES module, so it is imported
// dynamically. The wasm's `main` sees no window and does nothing here.
const params = new URL(self.location.href).searchParams;
const resolve = (name) => new URL(name, self.location.href).href;
import(resolve(params.get('glue'))).then(async (glue) => {
  await glue.default({ module_or_path: resolve(params.get('wasm')) });
  glue.run_engine_worker();
});
