// The vitest project that runs the type tests (tsc over packages/*/test/**/*.test-d.ts).
import type { TestProjectInlineConfiguration } from 'vitest/config';

/**
 * Type tests (`packages/<pkg>/test/**\/*.test-d.ts`): vitest runs `tsc` over them and reports each
 * `it` that has a type error (an unexpected one, or an `@ts-expect-error` that no longer fires) as
 * a failed test. Import into the root vitest config next to the runtime projects.
 */
export const typeProjects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'types',
      include: [],
      typecheck: {
        enabled: true,
        only: true,
        include: ['packages/*/test/**/*.test-d.ts'],
        tsconfig: './tsconfig.typetests.json',
      },
    },
  },
];
