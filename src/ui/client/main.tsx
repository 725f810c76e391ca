import { render } from "preact";
import { App } from "./app";
import "./styles/base.css";

const container = document.getElementById("app");
if (container !== null) render(<App />, container);
