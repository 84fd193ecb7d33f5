import { countCards } from './card-count';

describe('countCards', () => {
  it('counts every post card in a page', () => {
    const card = '<article class="card" aria-labelledby="post-1-title"><h3>One</h3></article>';
    expect(countCards(`<main>${card.repeat(20)}</main>`)).toBe(20);
  });

  it('finds none in an error page or in a section that only looks like a card', () => {
    expect(countCards('<h1>Internal server error</h1>')).toBe(0);
    expect(countCards('<section class="card"><form></form></section>')).toBe(0);
  });
});
