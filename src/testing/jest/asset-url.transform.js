// Under Jest, an imported stylesheet or image becomes a fake URL named after
// its file (webpack gives the content-hashed one in real builds): stable, and
// distinct per file, so a test can tell the layout's stylesheet from the
// kit's, or the favicon from either.
module.exports = {
  process(_source, path) {
    const fileName = path.split(/[\\/]/).pop();
    return { code: `module.exports = ${JSON.stringify(`/static/${fileName}`)};` };
  },
};
