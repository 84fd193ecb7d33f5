// Stylesheets and images imported by pages resolve to their content-hashed
// public URL (webpack asset modules; see webpack.config.js).
declare module '*.css' {
  const url: string;
  export default url;
}
declare module '*.png' {
  const url: string;
  export default url;
}
declare module '*.svg' {
  const url: string;
  export default url;
}
