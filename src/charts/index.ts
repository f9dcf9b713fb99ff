/** Charts: data in, vega-lite spec out, one chart per file; rendering to SVG and PNG. */
export { PALETTE, OTHER_PALETTE, FONT, scenarioColour, themed, titleOf, humanise, type VegaLiteSpec } from './theme.js';
export { renderSvg, svgToPng, compileChart, slideSvg, SLIDE } from './render.js';
export { timeToProductionChart, timeToProductionBoxChart } from './time-to-production.js';
export { comparisonChart } from './comparison.js';
export { timeSplitChart } from './time-split.js';
export { cumulativeFlowChart } from './cumulative-flow.js';
export { utilizationChart } from './utilization.js';
export { throughputChart, abandonmentChart } from './throughput.js';
export { transitionChart, type QuarterSeries } from './transition.js';
export { tornadoChart } from './tornado.js';
export { sweepChart, type SweepMetric } from './sweep.js';
export { journeyChart } from './journey.js';
export { portfolioGrowthChart } from './portfolio-growth.js';
export { fitChart, arrivalsChart, activityFitChart } from './fit.js';
export { backtestChart } from './backtest.js';
export { paretoChart } from './pareto.js';
