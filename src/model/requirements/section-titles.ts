/**
 * The section names Kiro writes, in English and in the languages found in real files. Matching is on the
 * heading text (or a bold label line) with decoration and a trailing colon removed.
 */

const INTRODUCTION =
  /^(?:\d+\.\s*)?(?:introduction|overview|简介|介绍|介紹|概述|概要|はじめに|소개|개요|giới thiệu|introdução|introducción|objetivo)$/i;
const GLOSSARY =
  /^(?:\d+\.\s*)?(?:.*\bglossary|glossary\b.*|terminology|术语表?|術語|用語(?:集|定義)?|용어(?: 설명| 정의)?|glosario|glossário|thuật ngữ)$/i;
const ACCEPTANCE_CRITERIA =
  /^(?:\d+\.\s*)?(?:acceptance criteria|验收标准|验收准则|驗收標準|受入基準|受け入れ基準|受け入れ条件|인수 기준|수용 기준|합격 기준|critérios de aceit(?:e|ação)|criterios de aceptación|tiêu chí chấp nhận)$/i;

/** Removes bold, a trailing colon and surrounding space: `**Acceptance Criteria:**` → `Acceptance Criteria`. */
export function plainLabel(text: string): string {
  // Each step runs only when it has something to do: most titles are plain words.
  let label = (text.includes("**") || text.includes("__") ? text.replace(/\*\*|__/g, "") : text).trim();
  const last = label.charCodeAt(label.length - 1);
  if (last === 0x3a || last === 0xff1a) label = label.slice(0, -1).trim(); // : ：
  return label;
}

export function isIntroductionTitle(text: string): boolean {
  return INTRODUCTION.test(plainLabel(text));
}

export function isGlossaryTitle(text: string): boolean {
  return GLOSSARY.test(plainLabel(text));
}

export function isAcceptanceCriteriaTitle(text: string): boolean {
  return ACCEPTANCE_CRITERIA.test(plainLabel(text));
}

/**
 * `**Acceptance Criteria:**` written as a bold line instead of a heading (older and hand-written files).
 * The whole line must be the label, so a sentence mentioning acceptance criteria does not count.
 */
export function isAcceptanceCriteriaLabelLine(lineText: string): boolean {
  const trimmed = lineText.trim();
  // The regex wants bold first and last (a colon may follow): most lines are prose and fail these tests.
  const first = trimmed.charCodeAt(0);
  if (first !== 42 && first !== 95) return false; // * _
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if (last !== 42 && last !== 95 && last !== 0x3a && last !== 0xff1a) return false; // * _ : ：
  return /^(?:\*\*|__).*(?:\*\*|__)[:：]?$/.test(trimmed) && isAcceptanceCriteriaTitle(trimmed);
}

const USER_STORY_LABEL =
  /^\s*(?:\*\*|__)?\s*(?:user stor(?:y|ies)|objective|目的|用户故事|使用者故事|ユーザーストーリー|사용자 스토리|história de usuário|historia de usuario|câu chuyện người dùng)\s*(?:\*\*|__)?\s*[:：]?\s*(?:\*\*|__)?\s*/i;
/** A story written without a label: `**As a** developer`, `**Como** consumidor`, `作为…`. */
const USER_STORY_OPENING = /^\s*(?:\*\*|__)?\s*(?:as an?\b|como\b|作为|作為)/i;

/** The length of a user-story label at the start of a line (0 when the line opens a story without one), or undefined. */
export function userStoryLabelLength(lineText: string): number | undefined {
  const label = USER_STORY_LABEL.exec(lineText);
  if (label) return label[0].length;
  return USER_STORY_OPENING.test(lineText) ? 0 : undefined;
}
