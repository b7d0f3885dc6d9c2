/**
 * Questions about a report itself rather than what it reports: takes the question text, says whether
 * it asks when the article was published, and which of its words name the report.
 * @example ABOUT_REPORT.test("when was the article about Ding published?") // true
 */
import { tokenize } from "../index/tokenize.ts";

/** A question about the report itself ("when was the article about X published?"), not the event. */
export const ABOUT_REPORT = /\b(article|report|story|news item|dispatch)\b.*\b(published|posted|released|dated|written|come out|came out)\b|\bwhen was (it|this|that) (reported|published)\b|(文章|报道|新闻|稿件).*(发布|发表|刊登|刊发)|(发布|发表|刊登)(时间|日期)/i;
/** Its words name the report, not anything in it. */
export const REPORT_WORDS = new Set([...tokenize("article report story news item dispatch published posted released dated written come came"), "发布", "发表", "刊登", "刊发", "报道", "新闻", "稿件"]);
