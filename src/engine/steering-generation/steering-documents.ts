/** The three steering files Kiro's "Generate Steering Docs" writes, and what each one is for. */
export const STEERING_DOCUMENT_NAMES = ["product", "tech", "structure"] as const;
export type SteeringDocumentName = (typeof STEERING_DOCUMENT_NAMES)[number];

export interface SteeringDocumentKind {
  readonly name: SteeringDocumentName;
  /** `product.md`, in `.kiro/steering/`. */
  readonly fileName: string;
  /** The document's `# ` title. */
  readonly title: string;
  /** The sections asked for, in order. */
  readonly sections: readonly string[];
  /** What the document tells an agent, for the prompt. */
  readonly purpose: string;
}

export const STEERING_DOCUMENTS: Readonly<Record<SteeringDocumentName, SteeringDocumentKind>> = {
  product: {
    name: "product",
    fileName: "product.md",
    title: "Product Overview",
    sections: ["Purpose", "Users", "Key Features", "Constraints and Non-Goals"],
    purpose: "what the product is, who uses it, its main features and the constraints its code must respect",
  },
  tech: {
    name: "tech",
    fileName: "tech.md",
    title: "Technology Stack",
    sections: [
      "Languages and Runtime",
      "Frameworks and Libraries",
      "Build and Package Management",
      "Testing",
      "Common Commands",
      "Conventions",
    ],
    purpose:
      "the languages, runtime, frameworks and libraries with the versions installed, how to build and test, the commands, and technical conventions",
  },
  structure: {
    name: "structure",
    fileName: "structure.md",
    title: "Project Structure",
    sections: ["Layout", "Key Modules", "Where New Code Goes", "Naming Conventions"],
    purpose: "how the repository is organised, which modules exist and what they offer, and where new code belongs",
  },
};

export function isSteeringDocumentName(value: string): value is SteeringDocumentName {
  return STEERING_DOCUMENT_NAMES.some((name) => name === value);
}
