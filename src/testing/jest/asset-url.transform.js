// Under Jest, an imported stylesheet or image resolves to its path in the
// repository under /static/__source__/ (webpack gives the content-hashed
// URL in real builds). startTestServer serves that prefix from the working
// tree, so pages in a test browser get their real CSS and icons.
module.exports = {
  process(_source, filename, { config }) {
    const path = filename.slice(config.rootDir.length + 1).split('\\').join('/');
    return { code: `module.exports = ${JSON.stringify(`/static/__source__/${path}`)};` };
  },
};
