/** Helpers for Jupyter notebooks on the tslab kernel. */
export { showChart, showTable, showMarkdown } from './display.js';
