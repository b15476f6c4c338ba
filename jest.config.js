// ts-jest in ESM mode: jest runs with NODE_OPTIONS=--experimental-vm-modules (see package.json scripts).
export default {
  preset: 'ts-jest/presets/default-esm',
  // Node's environment, holding back what the code under test prints unless the test fails.
  testEnvironment: '<rootDir>/test-support/quiet-environment.mjs',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json', diagnostics: false }]
  },
  testTimeout: 60000
};
