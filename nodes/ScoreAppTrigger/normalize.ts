import type { IDataObject } from 'n8n-workflow';

import { isPlainObject } from '../shared/webhook';

/**
 * Turns a ScoreApp webhook (`{ event_name, data }`) into a flat lead. Every field is optional:
 * test sends and early events (QUIZ_STARTED) lack most of them, and missing values become null.
 * docs/scoreapp-mapping.md lists where each field comes from.
 */

export interface CategoryScore extends IDataObject {
	category: string;
	percent: number | null;
	outOf10: number | null;
}

export interface NormalizedLead extends IDataObject {
	event: string | null;
	email: string | null;
	firstName: string | null;
	lastName: string | null;
	phone: string | null;
	score: number | null;
	scoreOutOf10: number | null;
	categoryScores: IDataObject;
	categoryScoreList: CategoryScore[];
	highestCategory: string | null;
	lowestCategory: string | null;
	answers: IDataObject;
	leadFormAnswers: IDataObject;
	utmSource: string | null;
	utmMedium: string | null;
	utmCampaign: string | null;
	utmTerm: string | null;
	utmContent: string | null;
	resultId: string | null;
	resultKey: string | null;
	quizId: string | null;
	leadId: string | null;
	status: string | null;
	startedAt: string | null;
	finishedAt: string | null;
	optIn: boolean | null;
	optInDetail: string | null;
	ipAddress: string | null;
	reportUrl: string | null;
	resumeUrl: string | null;
	data: IDataObject;
}


function text(...values: unknown[]): string | null {
	for (const value of values) {
		if (typeof value === 'string' && value.trim()) return value.trim();
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	}
	return null;
}

function numberOf(value: unknown): number | null {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value.trim() && Number.isFinite(Number(value))) return Number(value);
	return null;
}

function bool(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 1 || value === '1') return true;
	if (value === 'false' || value === 0 || value === '0') return false;
	return null;
}

/** The label of a question item: `question` (string or `{title}`), else `title`/`label`. */
function questionLabel(item: IDataObject): string | null {
	const question = item.question;
	if (isPlainObject(question)) return text(question.title, question.text, question.label);
	return text(question, item.title, item.label);
}

/** One answer as text: `{answer}` (ScoreApp), else `{text|title|value|label}`, or a plain string. */
function answerText(answer: unknown): string | null {
	if (isPlainObject(answer)) return text(answer.answer, answer.text, answer.title, answer.value, answer.label);
	return text(answer);
}

/** All answers of a question item, joined with ", " when there are several. */
function answersOf(item: IDataObject): string | null {
	const list = Array.isArray(item.answers) ? item.answers : item.answer !== undefined ? [item.answer] : [];
	const values = list.map(answerText).filter((value): value is string => value !== null);
	return values.length ? values.join(', ') : null;
}

/** `question → answer` for a list of question items; a repeated label gets " (2)", " (3)"... */
export function answerMap(items: unknown): IDataObject {
	const map: IDataObject = {};
	if (!Array.isArray(items)) return map;
	for (const item of items) {
		if (!isPlainObject(item)) continue;
		const label = questionLabel(item);
		if (!label) continue;
		let key = label;
		for (let n = 2; key in map; n++) key = `${label} (${n})`;
		map[key] = answersOf(item);
	}
	return map;
}

function leadFormAnswer(items: unknown, pattern: RegExp): string | null {
	if (!Array.isArray(items)) return null;
	for (const item of items) {
		if (!isPlainObject(item)) continue;
		const label = questionLabel(item);
		if (label && pattern.test(label)) {
			const answer = answersOf(item);
			if (answer) return answer;
		}
	}
	return null;
}

const PHONE_LABEL = /phone|mobile|cell|telephone|\btel\b|whats\s?app/i;
const EMAIL_LABEL = /e-?mail/i;
const FIRST_NAME_LABEL = /first\s*name|given\s*name/i;
const LAST_NAME_LABEL = /last\s*name|surname|family\s*name/i;

function categoryTitle(item: IDataObject): string | null {
	const category = item.category;
	if (isPlainObject(category)) return text(category.title, category.name);
	return text(category, item.title, item.name);
}

/** `category_scores`: `[{ percent, denominator10?, category: { title } }]` (or `{ title: percent }`). */
export function categoryScores(value: unknown): CategoryScore[] {
	if (Array.isArray(value)) {
		const list: CategoryScore[] = [];
		for (const item of value) {
			if (!isPlainObject(item)) continue;
			const category = categoryTitle(item);
			if (!category) continue;
			list.push({
				category,
				percent: numberOf(item.percent ?? item.score),
				outOf10: numberOf(item.denominator10),
			});
		}
		return list;
	}
	if (isPlainObject(value)) {
		return Object.entries(value).map(([category, score]) => ({
			category,
			percent: isPlainObject(score) ? numberOf(score.percent) : numberOf(score),
			outOf10: isPlainObject(score) ? numberOf(score.denominator10) : null,
		}));
	}
	return [];
}

function categoryName(value: unknown): string | null {
	if (isPlainObject(value)) {
		const nested = value.category;
		return text(value.title, value.name, isPlainObject(nested) ? nested.title : nested);
	}
	return text(value);
}

/** Highest or lowest category: ScoreApp's own field when sent, else worked out from the scores. */
function extremeCategory(given: unknown, list: CategoryScore[], pick: 'max' | 'min'): string | null {
	const named = categoryName(given);
	if (named) return named;
	let best: CategoryScore | undefined;
	for (const entry of list) {
		if (entry.percent === null) continue;
		if (!best || (pick === 'max' ? entry.percent > best.percent! : entry.percent < best.percent!)) best = entry;
	}
	return best?.category ?? null;
}

export function normalizeScoreAppEvent(body: IDataObject): NormalizedLead {
	const data = isPlainObject(body.data) ? body.data : {};
	const leadForm = data.lead_form_questions;
	const total = data.total_score;
	const scores = categoryScores(data.category_scores);
	const categoryMap: IDataObject = {};
	for (const entry of scores) categoryMap[entry.category] = entry.percent;

	return {
		event: text(body.event_name),
		email: text(data.email) ?? leadFormAnswer(leadForm, EMAIL_LABEL),
		firstName: text(data.first_name) ?? leadFormAnswer(leadForm, FIRST_NAME_LABEL),
		lastName: text(data.last_name) ?? leadFormAnswer(leadForm, LAST_NAME_LABEL),
		phone: text(data.phone, data.phone_number) ?? leadFormAnswer(leadForm, PHONE_LABEL),
		score: isPlainObject(total) ? numberOf(total.percent) : numberOf(total),
		scoreOutOf10: isPlainObject(total) ? numberOf(total.denominator10) : null,
		categoryScores: categoryMap,
		categoryScoreList: scores,
		highestCategory: extremeCategory(data.highest_category, scores, 'max'),
		lowestCategory: extremeCategory(data.lowest_category, scores, 'min'),
		answers: answerMap(data.quiz_questions),
		leadFormAnswers: answerMap(leadForm),
		utmSource: text(data.utm_source),
		utmMedium: text(data.utm_medium),
		utmCampaign: text(data.utm_campaign),
		utmTerm: text(data.utm_term),
		utmContent: text(data.utm_content),
		resultId: text(data.id, data.result_id),
		resultKey: text(data.key, data.result_key),
		quizId: text(data.quiz_id, data.scorecard_id),
		leadId: text(data.lead_id),
		status: text(data.status),
		startedAt: text(data.started_at),
		finishedAt: text(data.finished_at),
		optIn: bool(data.opt_in),
		optInDetail: text(data.opt_in_detail),
		ipAddress: text(data.ip_address),
		reportUrl: text(data.report, data.report_url, data.result_url),
		resumeUrl: text(data.abandon_email_url),
		data,
	};
}
