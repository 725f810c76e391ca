/**
 * The labels requirements.md is written with, one table per language. To read a new language, add a table
 * here (and a line to docs/labels.md): every matcher in section-titles.ts and requirement-heading.ts is
 * built from these lists. Labels are matched case-insensitively, after bold and a trailing colon are removed.
 */
export interface LabelVocabulary {
  /** Shown in docs and diagnostics. */
  readonly language: string;
  /** The word before a requirement's number: `Requirement 1`, `需求 1`, `المتطلب 1`. */
  readonly requirement: readonly string[];
  /** The heading (or bold line) above the criteria list. */
  readonly acceptanceCriteria: readonly string[];
  readonly userStory: readonly string[];
  readonly introduction: readonly string[];
  readonly glossary: readonly string[];
}

export const LABEL_VOCABULARIES: readonly LabelVocabulary[] = [
  {
    language: "English",
    requirement: ["requirements", "requirement", "req.", "req", "user story", "story"],
    acceptanceCriteria: ["acceptance criteria", "acceptance criterion"],
    userStory: ["user story", "user stories", "objective"],
    introduction: ["introduction", "overview"],
    glossary: ["glossary", "terminology", "terms"],
  },
  {
    language: "Chinese (Simplified)",
    requirement: ["需求"],
    acceptanceCriteria: ["验收标准", "验收准则", "验收条件"],
    userStory: ["用户故事"],
    introduction: ["简介", "介绍", "概述", "引言"],
    glossary: ["术语表", "术语", "词汇表"],
  },
  {
    language: "Chinese (Traditional)",
    requirement: ["需求"],
    acceptanceCriteria: ["驗收標準", "驗收準則", "驗收條件"],
    userStory: ["使用者故事", "用戶故事"],
    introduction: ["簡介", "介紹", "介绍", "概述", "引言"],
    glossary: ["術語表", "術語", "詞彙表"],
  },
  {
    language: "Japanese",
    requirement: ["要件", "要求"],
    acceptanceCriteria: ["受入基準", "受け入れ基準", "受け入れ条件", "受入条件", "受入れ基準", "承認基準"],
    userStory: ["ユーザーストーリー", "目的"],
    introduction: ["はじめに", "概要", "序論", "イントロダクション"],
    glossary: ["用語集", "用語定義", "用語"],
  },
  {
    language: "Korean",
    requirement: ["요구사항", "요구 사항"],
    acceptanceCriteria: ["인수 기준", "수용 기준", "합격 기준", "승인 기준", "인수 조건"],
    userStory: ["사용자 스토리"],
    introduction: ["소개", "개요"],
    glossary: ["용어집", "용어 설명", "용어 정의", "용어"],
  },
  {
    language: "Spanish",
    requirement: ["requisito", "requerimiento"],
    acceptanceCriteria: ["criterios de aceptación", "criterios de aceptacion", "criterio de aceptación"],
    userStory: ["historia de usuario"],
    introduction: ["introducción", "introduccion", "objetivo", "resumen"],
    glossary: ["glosario"],
  },
  {
    language: "Portuguese",
    requirement: ["requisito"],
    acceptanceCriteria: ["critérios de aceitação", "critérios de aceite", "criterios de aceitacao"],
    userStory: ["história de usuário", "história do usuário"],
    introduction: ["introdução", "visão geral"],
    glossary: ["glossário"],
  },
  {
    language: "Arabic",
    requirement: ["المتطلب", "متطلب", "المتطلبات"],
    acceptanceCriteria: ["معايير القبول", "معيار القبول"],
    userStory: ["قصة المستخدم"],
    introduction: ["مقدمة", "المقدمة", "نظرة عامة"],
    glossary: ["مسرد المصطلحات", "المصطلحات", "مسرد"],
  },
  {
    language: "Thai",
    requirement: ["ข้อกำหนดที่", "ข้อกำหนด", "ความต้องการที่", "ความต้องการ"],
    acceptanceCriteria: ["เกณฑ์การยอมรับ", "เกณฑ์การตอบรับ"],
    userStory: ["เรื่องราวผู้ใช้", "เรื่องราวของผู้ใช้"],
    introduction: ["บทนำ", "ภาพรวม"],
    glossary: ["อภิธานศัพท์", "คำศัพท์", "คำนิยาม"],
  },
  {
    language: "Vietnamese",
    requirement: ["yêu cầu"],
    acceptanceCriteria: ["tiêu chí chấp nhận", "tiêu chí nghiệm thu"],
    userStory: ["câu chuyện người dùng"],
    introduction: ["giới thiệu", "tổng quan"],
    glossary: ["thuật ngữ", "bảng thuật ngữ", "bảng chú giải"],
  },
];

type LabelKind = Exclude<keyof LabelVocabulary, "language">;

/** Every language's labels of one kind as a regex alternation, longest first so `需求` never cuts `需求表`. */
export function labelAlternation(kind: LabelKind): string {
  const labels = new Set(
    LABEL_VOCABULARIES.flatMap((vocabulary) => vocabulary[kind].map((label) => label.normalize("NFC"))),
  );
  return [...labels]
    .sort((a, b) => b.length - a.length)
    .map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"))
    .join("|");
}
