export { APPROVALS_FILE_NAME } from "../../rules/structure/unknown-file-exemptions.js";
