/** The front matter of a steering file Kiro includes in every request. */
export const ALWAYS_INCLUDED_FRONT_MATTER = "---\ninclusion: always\n---\n";
