import { describe, expect, it } from "vitest";
import { parseRequirementHeading } from "../../../src/model/requirements/index.js";

describe("parseRequirementHeading", () => {
  it.each([
    ["Requirement 1: Automatic Label Assignment", { id: "1", title: "Automatic Label Assignment" }],
    ["Requirement 12", { id: "12" }],
    ["Requirement 1 — alive_progress Progress Bars", { id: "1", title: "alive_progress Progress Bars" }],
    ["Requirement R0: Oracle reference freeze recorded", { id: "R0", title: "Oracle reference freeze recorded" }],
    ["Requirement 6a", { id: "6a" }],
    ["Requirement 5.1.8: Script_Agent 视觉分析能力", { id: "5.1.8", title: "Script_Agent 视觉分析能力" }],
    ["Requirement 4.1 - **Phase 2**", { id: "4.1", title: "Phase 2" }],
    ["需求 1：安装和配置 Vue Router", { id: "1", title: "安装和配置 Vue Router" }],
    ["要件1: 地図表示とナビゲーション機能", { id: "1", title: "地図表示とナビゲーション機能" }],
    ["要件 3: コンテンツ SEO", { id: "3", title: "コンテンツ SEO" }],
    ["요구사항 1: 오디오 파일 업로드", { id: "1", title: "오디오 파일 업로드" }],
    ["US-01 — Listar itens", { id: "US-01", title: "Listar itens" }],
    ["Story 2: [Tên story]", { id: "2", title: "[Tên story]" }],
    ["**Requirement 3**: Bold label", { id: "3", title: "Bold label" }],
  ])("reads %s", (heading, expected) => {
    expect(parseRequirementHeading(heading)).toEqual(expected);
  });

  it.each([
    "Requirements",
    "Requirements Document",
    "Acceptance Criteria",
    "1.1 关键帧提取要求",
    "Risk 1: Breaking Token Resolution",
    "Requirement ahead",
    "Requirements12xy",
  ])("does not read %s as a requirement", (heading) => {
    expect(parseRequirementHeading(heading)).toBeUndefined();
  });
});
