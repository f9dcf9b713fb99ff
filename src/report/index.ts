/** The leadership report: one self-contained HTML file with its charts and tables beside it. */
export { writeReport, type ReportInput, type ReportFiles } from './write-report.js';
export { escapeHtml } from './escape.js';
export { reportHtml, type ReportContent, type ReportFigure } from './html-document.js';
export { calibrationReportHtml, writeCalibrationReport } from './calibration-report.js';
