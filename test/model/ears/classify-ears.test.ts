import { describe, expect, it } from "vitest";
import { classifyEars } from "../../../src/model/ears/index.js";

describe("classifyEars", () => {
  it("reads the current Kiro event-driven form", () => {
    expect(classifyEars("WHEN a new issue is created, THE Issue_Manager SHALL analyze the title and body")).toEqual({
      pattern: "event-driven",
      hasShall: true,
      negated: false,
      subject: "Issue_Manager",
      clauses: [{ keyword: "when", text: "a new issue is created" }],
      trigger: "a new issue is created",
      response: "analyze the title and body",
    });
  });

  it("reads the older WHEN … THEN the system SHALL form", () => {
    const result = classifyEars("WHEN a user clicks save THEN the system SHALL persist the draft");
    expect(result.pattern).toBe("event-driven");
    expect(result.subject).toBe("system");
    expect(result.trigger).toBe("a user clicks save");
    expect(result.response).toBe("persist the draft");
  });

  it("reads unwanted behaviour with and without commas", () => {
    for (const text of [
      "IF the classifier fails, THEN THE Issue_Manager SHALL apply the label `needs-triage`",
      "IF the classifier fails THEN THE Issue_Manager SHALL apply the label `needs-triage`",
    ]) {
      const result = classifyEars(text);
      expect(result.pattern).toBe("unwanted-behaviour");
      expect(result.condition).toBe("the classifier fails");
      expect(result.subject).toBe("Issue_Manager");
    }
  });

  it("reads ubiquitous sentences in every casing", () => {
    expect(classifyEars("THE Issue_Manager SHALL log every decision")).toMatchObject({
      pattern: "ubiquitous",
      subject: "Issue_Manager",
      clauses: [],
    });
    expect(classifyEars("The system shall log every decision")).toMatchObject({
      pattern: "ubiquitous",
      subject: "system",
    });
    expect(classifyEars("the parser shall not panic")).toMatchObject({ pattern: "ubiquitous", negated: true });
  });

  it("drops a lead-in that is no EARS keyword from the subject", () => {
    expect(classifyEars("AFTER the stare period, THE Clippy Brain SHALL return to normal")).toMatchObject({
      pattern: "ubiquitous",
      subject: "Clippy Brain",
    });
  });

  it("reads state-driven and optional-feature sentences", () => {
    expect(classifyEars("WHILE tests are running, THE Gauge SHALL show the speed")).toMatchObject({
      pattern: "state-driven",
      state: "tests are running",
      subject: "Gauge",
    });
    expect(classifyEars("WHILE sanity is below 30 THEN the Sound_Manager SHALL play horror sounds")).toMatchObject({
      pattern: "state-driven",
      subject: "Sound_Manager",
    });
    expect(classifyEars("WHERE dark mode is enabled THE UI SHALL use dark colours")).toMatchObject({
      pattern: "optional-feature",
      feature: "dark mode is enabled",
      subject: "UI",
    });
  });

  it("calls combinations complex and keeps every clause in order", () => {
    const result = classifyEars("WHILE offline, WHEN a user saves, THE App SHALL queue the change");
    expect(result.pattern).toBe("complex");
    expect(result.clauses).toEqual([
      { keyword: "while", text: "offline" },
      { keyword: "when", text: "a user saves" },
    ]);
    expect(result.subject).toBe("App");
    expect(
      classifyEars("WHEN a run completes, IF the effect is enabled, THEN THE Chamber SHALL flash").clauses,
    ).toEqual([
      { keyword: "when", text: "a run completes" },
      { keyword: "if", text: "the effect is enabled" },
    ]);
  });

  it("keeps repeated WHEN clauses event-driven", () => {
    expect(classifyEars("WHEN a AND WHEN b, THE S SHALL c").pattern).toBe("event-driven");
  });

  it("reads English keywords around clauses in other languages", () => {
    expect(classifyEars("WHEN 用户访问首页 THEN THE System SHALL 显示列表")).toMatchObject({
      pattern: "event-driven",
      subject: "System",
      trigger: "用户访问首页",
      response: "显示列表",
    });
    expect(classifyEars("While モバイルビューで表示中, the Web Portal shall 動物カードを1列で表示する")).toMatchObject({
      pattern: "state-driven",
      subject: "Web Portal",
    });
    expect(classifyEars("THE 豚饅マップシステム SHALL 表示する").subject).toBe("豚饅マップシステム");
  });

  it("ignores list markers and bold decoration", () => {
    const result = classifyEars("1. **WHEN** the user saves **THEN** the system **SHALL** persist the file");
    expect(result).toMatchObject({ pattern: "event-driven", subject: "system", trigger: "the user saves" });
    expect(classifyEars("- [ ] THE API SHALL respond").pattern).toBe("ubiquitous");
    expect(classifyEars("2.3. IF x THEN THE Api SHALL fail").pattern).toBe("unwanted-behaviour");
  });

  it("does not read lower-case relative words or code as keywords", () => {
    expect(classifyEars("THE export where available SHALL include totals").pattern).toBe("ubiquitous");
    expect(classifyEars("WHEN a query has a `WHERE` clause, THE Db SHALL use the index").pattern).toBe("event-driven");
    expect(classifyEars("THE `run_ffmpeg` function SHALL return").subject).toBe("`run_ffmpeg` function");
    expect(classifyEars("THE `Pipeline` SHALL run").subject).toBe("Pipeline");
  });

  it("says none when there is no SHALL", () => {
    expect(classifyEars("WHEN the agent stops THEN the system surfaces two hooks")).toMatchObject({
      pattern: "none",
      hasShall: false,
      trigger: "the agent stops",
    });
    expect(classifyEars("THE Pipeline MAY pass outputs").pattern).toBe("none");
    expect(classifyEars("Marshall the arguments").hasShall).toBe(false);
    expect(classifyEars("").pattern).toBe("none");
  });

  it("leaves the subject unknown when no main clause can be told apart", () => {
    const result = classifyEars("WHEN 审核时 SHALL 参考 Project_Context");
    expect(result.pattern).toBe("event-driven");
    expect(result.subject).toBeUndefined();
  });
});
