// Intentionally empty (plain JavaScript, so no loader is needed): the entry of empty.webpack.config.ts.
export {};
