// GraphiQL's start-up, served from our own origin (GET /graphiql/boot.js) so that its page needs no
// inline script under the Content-Security-Policy. Loaded with `defer` before the GraphiQL bundle.
// Monaco's editor workers are files of the same package, served beside the bundle (worker-src 'self').
const workerFiles = {
  editorWorkerService: "editor.worker.bundle.js",
  json: "json.worker.bundle.js",
  graphql: "graphql.worker..bundle.js", // sic: the package names it so
};
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: (_moduleId, label) =>
    `/graphiql/monacoeditorwork/${workerFiles[label] ?? workerFiles.editorWorkerService}`,
};
document.addEventListener("DOMContentLoaded", () => {
  const options = JSON.parse(document.getElementById("graphiql-options").textContent);
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById("root"), options);
});
