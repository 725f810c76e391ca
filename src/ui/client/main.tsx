import { render } from "preact";
import { App } from "./app";

const container = document.getElementById("app");
if (container !== null) render(<App />, container);
