import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../../src/model/document/kiro-document.js";
import { LABEL_VOCABULARIES } from "../../../src/model/requirements/label-vocabulary.js";
import { parseRequirements } from "../../../src/model/requirements/parse-requirements.js";

const ids = (text: string) =>
  parseRequirements(text).requirements.flatMap((requirement) => requirement.criteria.map((criterion) => criterion.id));

describe("criteria grouped under sub-headings", () => {
  const text = [
    "# Requirements",
    "",
    "### Requirement 29: Roles",
    "",
    "**User Story:** As an admin, I want roles, so that access is limited.",
    "",
    "#### Acceptance Criteria",
    "",
    "1. THE Portal SHALL list roles.",
    "",
    "##### 29a: Chain of Command",
    "",
    "1. WHEN a manager leaves, THE Portal SHALL reassign their reports.",
    "2. THE Portal SHALL show the chain.",
    "",
    "##### 29b. Delegation",
    "",
    "1. THE Portal SHALL let a manager delegate approvals.",
    "",
    "### Requirement 30: Audit",
    "",
    "#### Acceptance Criteria",
    "",
    "1. THE Portal SHALL log every change.",
    "",
  ].join("\n");
  const document = parseRequirements(text);

  it("numbers them after the group: 29a.1, 29a.2, 29b.1", () => {
    expect(ids(text)).toEqual(["29.1", "29a.1", "29a.2", "29b.1", "30.1"]);
    expect(document.requirements[0]?.criteria.map((criterion) => criterion.group)).toEqual([
      undefined,
      "29a",
      "29a",
      "29b",
    ]);
    expect(document.diagnostics).toEqual([]);
    expect(serializeDocument(document)).toBe(text);
  });

  it("keeps the requirement's numbering under a sub-heading without an id", () => {
    const plain =
      "### Requirement 2: X\n\n#### Acceptance Criteria\n\n##### Errors\n\n1. THE A SHALL b.\n2. THE A SHALL c.\n";
    expect(ids(plain)).toEqual(["2.1", "2.2"]);
  });
});

/** One requirement written with each language's labels: the criteria must be found in every one. */
const LOCALISED: Record<string, string> = {
  Arabic:
    "# المتطلبات\n\n### المتطلب 1: تسجيل الدخول\n\n**قصة المستخدم:** بصفتي مستخدمًا، أريد الدخول.\n\n#### معايير القبول\n\n1. عندما يدخل المستخدم كلمة مرور صحيحة، يجب على النظام SHALL فتح الجلسة.\n2. يجب على النظام SHALL قفل الحساب بعد خمس محاولات.\n",
  Spanish:
    "# Requisitos\n\n### Requisito 1: Inicio de sesión\n\n**Historia de Usuario:** Como usuario, quiero entrar.\n\n#### Criterios de Aceptación\n\n1. CUANDO el usuario entra, EL Sistema SHALL abrir la sesión.\n2. EL Sistema SHALL cerrar la sesión tras 30 minutos.\n",
  "Chinese (Simplified)":
    "# 需求文档\n\n### 需求 1：用户登录\n\n**用户故事：** 作为用户，我希望登录。\n\n#### 验收条件\n\n1. 当用户提交密码时，系统 SHALL 校验密码。\n2. 系统 SHALL 在五次失败后锁定账户。\n",
  "Chinese (Traditional)":
    "# 需求文件\n\n### 需求 1：使用者登入\n\n**使用者故事：** 作為使用者，我希望登入。\n\n#### 驗收條件\n\n1. 當使用者提交密碼時，系統 SHALL 驗證密碼。\n2. 系統 SHALL 在五次失敗後鎖定帳戶。\n",
  Japanese:
    "# 要件定義書\n\n### 要件 1：ログイン\n\n**ユーザーストーリー：** ユーザーとして、ログインしたい。\n\n#### 受け入れ条件\n\n1. ユーザーがパスワードを送信したとき、システム SHALL はそれを検証する。\n2. システム SHALL は五回の失敗でアカウントをロックする。\n",
  Korean:
    "# 요구사항 문서\n\n### 요구사항 1: 로그인\n\n**사용자 스토리:** 사용자로서 로그인하고 싶다.\n\n#### 승인 기준\n\n1. 사용자가 비밀번호를 제출하면 시스템 SHALL 검증한다.\n2. 시스템 SHALL 다섯 번 실패하면 계정을 잠근다.\n",
  Thai: "# เอกสารข้อกำหนด\n\n### ข้อกำหนดที่ 1: การเข้าสู่ระบบ\n\n**เรื่องราวผู้ใช้:** ในฐานะผู้ใช้ ฉันต้องการเข้าสู่ระบบ\n\n#### เกณฑ์การยอมรับ\n\n1. เมื่อผู้ใช้ส่งรหัสผ่าน ระบบ SHALL ตรวจสอบรหัสผ่าน\n2. ระบบ SHALL ล็อกบัญชีหลังจากล้มเหลวห้าครั้ง\n",
  Vietnamese:
    "# Tài liệu yêu cầu\n\n### Yêu cầu 1: Đăng nhập\n\n**Câu chuyện người dùng:** Với tư cách người dùng, tôi muốn đăng nhập.\n\n#### Tiêu chí chấp nhận\n\n1. KHI người dùng gửi mật khẩu, Hệ thống SHALL kiểm tra mật khẩu.\n2. Hệ thống SHALL khóa tài khoản sau năm lần thất bại.\n",
};

describe("localised labels", () => {
  for (const [language, text] of Object.entries(LOCALISED)) {
    it(`reads requirement, story and criteria headings in ${language}`, () => {
      const document = parseRequirements(text);
      expect(document.requirements.map((requirement) => requirement.id)).toEqual(["1"]);
      expect(document.requirements[0]?.userStory).toBeDefined();
      expect(ids(text)).toEqual(["1.1", "1.2"]);
      expect(document.diagnostics).toEqual([]);
      expect(serializeDocument(document)).toBe(text);
    });
  }

  it("has a vocabulary table for each language read above", () => {
    const languages = LABEL_VOCABULARIES.map((vocabulary) => vocabulary.language);
    for (const language of Object.keys(LOCALISED)) expect(languages).toContain(language);
  });

  it("reads ids with a full-width colon and headings with a suffix", () => {
    const text = "### R1：登录\n\n#### Acceptance Criteria for Requirement R1\n\n1. THE App SHALL log in.\n";
    expect(ids(text)).toEqual(["R1.1"]);
    expect(ids("### Requirement 6: X\n\n#### 验收标准（需求 6）\n\n1. THE A SHALL b.\n")).toEqual(["6.1"]);
  });

  it("does not read a dash-less code without a colon as a requirement (`### S3 Bucket Layout`)", () => {
    expect(parseRequirements("## Notes\n\n### S3 Bucket Layout\n\n1. THE A SHALL b.\n").requirements).toEqual([]);
  });
});

describe("criteria headings of unknown label, matched by shape", () => {
  it("reads a numbered list under an unknown sub-heading, with an info naming the label", () => {
    const text =
      "### Requirement 1: Login\n\n#### Abnahmekriterien\n\n1. WENN x, THE App SHALL y.\n2. THE App SHALL z.\n";
    const document = parseRequirements(text);
    expect(ids(text)).toEqual(["1.1", "1.2"]);
    expect(document.diagnostics).toMatchObject([
      {
        code: "requirements/unknown-criteria-label",
        severity: "info",
        message: expect.stringContaining("Abnahmekriterien"),
      },
    ]);
  });

  it("reads a bulleted list only when it reads as EARS", () => {
    const ears = "### Requirement 1: A\n\n#### Kriterien\n\n- THE App SHALL y.\n- THE App SHALL z.\n";
    expect(ids(ears)).toEqual(["1.1", "1.2"]);
    const notes = "### Requirement 1: A\n\n#### Notes\n\n- see the wiki\n- ask Sam\n";
    const document = parseRequirements(notes);
    expect(ids(notes)).toEqual([]);
    expect(document.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["requirements/no-criteria"]);
  });
});

describe("requirement headings of unknown label, matched by shape", () => {
  const text = [
    "# Anforderungen",
    "",
    "### Anforderung 1: Anmeldung",
    "",
    "#### Akzeptanzkriterien",
    "",
    "1. WENN der Nutzer sich anmeldet, THE System SHALL die Sitzung öffnen.",
    "",
    "### Anforderung 2: Abmeldung",
    "",
    "1. THE System SHALL die Sitzung schließen.",
    "",
  ].join("\n");

  it("reads two or more `Label N` headings holding criteria lists, with an info naming the label", () => {
    const document = parseRequirements(text);
    expect(ids(text)).toEqual(["1.1", "2.1"]);
    expect(document.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      "requirements/unknown-requirement-label",
      "requirements/unknown-criteria-label",
    ]);
    expect(document.diagnostics[0]?.message).toContain('"Anforderung"');
    expect(serializeDocument(document)).toBe(text);
  });

  it("does not read prose sections (`## Phase 1`, `## Phase 2` without criteria lists) as requirements", () => {
    const prose = "# Plan\n\n## Phase 1\n\nWe start small.\n\n## Phase 2\n\nThen we grow.\n";
    const document = parseRequirements(prose);
    expect(document.requirements).toEqual([]);
    expect(document.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["requirements/no-requirements"]);
  });
});
