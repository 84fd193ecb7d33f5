// Under Jest, an imported stylesheet or image resolves to a stable fake URL
// (webpack gives the content-hashed one in real builds).
module.exports = '/static/asset.test';
