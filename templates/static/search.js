// The site's search: Pagefind's API over the bundle one directory up, for an index that holds every Chinese
// character as a word of its own (generator/render/search.py writes the pages so). Pagefind cuts Chinese into words
// one way when it indexes (a dictionary) and the browser another way when a reader searches (Intl.Segmenter), and a
// name cut two ways is not found; one character per word on both sides finds every word a page shows.
//
// A query is cut at spaces and punctuation into parts. Each part with Chinese in it is searched as an exact phrase of
// its characters, so “李明华” finds the pages where those three characters stand together, as a substring search
// would, and a page must hold every part. Pagefind gives all exact matches the same score, so they are ranked by the
// score its ordinary search of the same characters gives them (word frequency, page length, the title).
// The pagefind UI loads this file as its bundle's pagefind.js.
import * as pagefind from "../pagefind.js";

export { destroy, filters, init, mergeIndex, options } from "../pagefind.js";

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3ffff}]/u;
const HAN_CHARS = new RegExp(HAN.source, "gu");
const BREAK = /[\s\p{P}\p{S}]+/u;

/** The parts of a query, each with its Chinese characters spaced apart as the index holds them. */
function parts(term) {
  return term.split(BREAK).filter(Boolean).map((part) => part.replace(HAN_CHARS, " $& ").trim().replace(/\s+/g, " "));
}

/** Zero-width spaces separate the characters in the index; a reader must not copy them, and a highlighted name is one
 * mark, not one per character. */
function readable(text) {
  return typeof text === "string" ? text.replace(/\u200b/g, "").replace(/<\/mark><mark>/g, "") : text;
}

function readableData(data) {
  const meta = { ...data.meta, title: readable(data.meta?.title) };
  const subResults = (data.sub_results || []).map((sub) => ({ ...sub, title: readable(sub.title),
    excerpt: readable(sub.excerpt) }));
  return { ...data, meta, content: readable(data.content), excerpt: readable(data.excerpt), sub_results: subResults };
}

function readableResult(result, score) {
  return { ...result, score, data: async () => readableData(await result.data()) };
}

export async function search(term, searchOptions = {}) {
  if (typeof term !== "string" || !HAN.test(term)) {
    const found = await pagefind.search(term, searchOptions);
    return found && { ...found, results: found.results.map((result) => readableResult(result, result.score)) };
  }
  const wanted = parts(term);
  const loose = await pagefind.search(wanted.join(" "), searchOptions);
  const score = new Map(loose.results.map((result) => [result.id, result.score]));
  let found = null;
  for (const part of wanted) {
    const exact = await pagefind.search(`"${part}"`, searchOptions);
    const ids = new Set(exact.results.map((result) => result.id));
    found = found === null ? exact : { ...found, results: found.results.filter((result) => ids.has(result.id)) };
  }
  const results = found.results.filter((result) => score.has(result.id))
    .sort((a, b) => score.get(b.id) - score.get(a.id))
    .map((result) => readableResult(result, score.get(result.id)));
  return { ...found, results, unfilteredResultCount: results.length };
}

export async function preload(term, preloadOptions = {}) {
  const chinese = typeof term === "string" && HAN.test(term);
  return pagefind.preload(chinese ? parts(term).join(" ") : term, preloadOptions);
}
