// cytoscape-fcose ships no type declarations: it is a cytoscape extension like any other.
declare module "cytoscape-fcose" {
  import type cytoscape from "cytoscape";
  const fcose: cytoscape.Ext;
  export default fcose;
}
