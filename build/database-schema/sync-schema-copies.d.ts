/** Collects component schemas and, when all are valid, writes prisma/schema/. */
export function syncSchemaCopies(projectRoot: string): { errors: string[] };
