// uPlot and its stylesheet, in a chunk of their own: only the costs page draws a chart.
import "uplot/dist/uPlot.min.css";

export { default as uPlot } from "uplot";
