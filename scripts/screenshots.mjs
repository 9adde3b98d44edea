// screenshots.mjs — the browser half of `npm run screenshots` (started by
// scripts/screenshots.sh, which builds and installs the package and runs n8n and
// the fake GHL API). Runs on the project's Node 24 with playwright-core and
// Debian's /usr/bin/chromium; never downloads a browser.
//
// Env (set by screenshots.sh):
//   GHL_SHOTS_BASE_URL   n8n editor, e.g. http://localhost:41234
//   GHL_SHOTS_EMAIL / GHL_SHOTS_PASSWORD   owner account
//   GHL_SHOTS_WORK       temporary folder (Chromium profile; failure.png when a step fails)
//   GHL_SHOTS_OUT        where the PNGs go (docs/)
//
// Only 127.0.0.1 / localhost is reachable: every other host is refused by
// Chromium's resolver and every other request is aborted by a route handler
// (and listed at the end, so a new outside call shows up).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const env = (name) => {
	const v = process.env[name];
	if (!v) throw new Error(`${name} is not set (run this through scripts/screenshots.sh / npm run screenshots)`);
	return v;
};
const BASE = env('GHL_SHOTS_BASE_URL').replace(/\/$/, '');
const EMAIL = env('GHL_SHOTS_EMAIL');
const PASSWORD = env('GHL_SHOTS_PASSWORD');
const WORK = env('GHL_SHOTS_WORK');
const OUT = env('GHL_SHOTS_OUT');

const SHOTS = {
	canvas: path.join(OUT, 'screenshot-template-canvas.png'),
	upsert: path.join(OUT, 'screenshot-ghl-contact-upsert.png'),
	trigger: path.join(OUT, 'screenshot-ghl-trigger.png'),
	communityNodes: path.join(OUT, 'screenshot-community-nodes.png'),
};
const VIEWPORT = { width: 1280, height: 760 };

const log = (...a) => console.error('[screenshots]', ...a);

if (!existsSync(CHROMIUM)) {
	console.error(`[screenshots] ${CHROMIUM} not found. Install Debian's Chromium: sudo apt-get update && sudo apt-get install -y chromium`);
	process.exit(1);
}

const template = (file) => JSON.parse(readFileSync(path.join(ROOT, 'templates', file), 'utf8'));

/** Waits for the editor to go quiet: no running requests, no animations, fonts loaded. */
async function settle(page) {
	await page.waitForLoadState('networkidle').catch(() => {});
	await page.evaluate(() => document.fonts.ready);
	await page.waitForTimeout(600);
}

/** Closes anything that would cover the picture (surveys, what's-new, toasts). */
async function dismissPopups(page) {
	for (const sel of ['[data-test-id="nps-survey-modal"]', '[data-test-id="whats-new-modal"]', '.el-dialog__wrapper:not(.ndv-wrapper) .el-dialog']) {
		const popup = page.locator(sel).filter({ visible: true });
		if (await popup.count()) {
			log(`closing a popup (${sel})`);
			await page.keyboard.press('Escape');
		}
	}
	const toasts = page.locator('.el-notification').filter({ visible: true });
	for (let i = (await toasts.count()) - 1; i >= 0; i--) {
		log(`closing a notification: ${(await toasts.nth(i).innerText()).replace(/\s+/g, ' ').slice(0, 120)}`);
		await toasts.nth(i).locator('.el-notification__closeBtn').click().catch(() => {});
	}
}

async function openWorkflow(page, id, viewport) {
	await page.setViewportSize(viewport);
	await page.goto(`${BASE}/workflow/${id}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor();
	await settle(page);
	await dismissPopups(page);
}

/** Opens a node's parameter panel (NDV) and widens its middle column. */
async function openNode(page, name) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.locator('[data-test-id="parameter-item"]').first().waitFor();
	await settle(page);
	// drag the middle column's edges: right edge to 78 %, left edge to 28 % of the width
	const edges = () =>
		page.locator('[data-test-id="resize-handle"][data-dir]').evaluateAll((els) =>
			els
				.filter((e) => e.offsetParent !== null && e.parentElement?.querySelector('[data-test-id="parameter-item"]'))
				.map((e) => {
					const b = e.getBoundingClientRect();
					return { dir: e.getAttribute('data-dir'), x: b.x + b.width / 2, y: b.y + b.height / 2 };
				}),
		);
	const drag = async (dir, toX) => {
		const edge = (await edges()).find((e) => e.dir === dir);
		if (!edge) return log(`note: no ${dir} edge to drag in the panel of ${name}`);
		await page.mouse.move(edge.x, edge.y);
		await page.mouse.down();
		await page.mouse.move((edge.x + toX) / 2, edge.y, { steps: 5 });
		await page.mouse.move(toX, edge.y, { steps: 5 });
		await page.mouse.up();
	};
	const { width } = page.viewportSize();
	await drag('right', width * 0.78);
	await drag('left', width * 0.28);
	await settle(page);
	await dismissPopups(page);
}

/** Makes the window tall enough that the whole parameter list shows (up to 1800 px). */
async function fitParameters(page) {
	for (let i = 0; i < 3; i++) {
		const overflow = await page.locator('[data-test-id="parameter-item"]').first().evaluate((el) => {
			for (let e = el.parentElement; e; e = e.parentElement) {
				const oy = getComputedStyle(e).overflowY;
				if ((oy === 'auto' || oy === 'scroll') && e.scrollHeight > e.clientHeight) return e.scrollHeight - e.clientHeight;
			}
			return 0;
		});
		if (overflow <= 0) return;
		const vp = page.viewportSize();
		const height = Math.min(1800, vp.height + overflow + 16);
		if (height === vp.height) return;
		await page.setViewportSize({ width: vp.width, height });
		await settle(page);
	}
}

/** Fails unless the panel shows `label` with the given value (so a changed template is noticed). */
async function expectParameter(page, label, value) {
	const item = page.locator('[data-test-id="parameter-item"]').filter({ has: page.getByText(label, { exact: true }) }).first();
	const shown = await item.locator('input').first().inputValue().catch(() => null);
	if (shown !== value) throw new Error(`parameter "${label}" shows ${JSON.stringify(shown)}, expected ${JSON.stringify(value)}`);
}

async function shoot(page, file) {
	// park the pointer on an empty spot: hover effects (node toolbars, resize edges) stay off the picture
	const vp = page.viewportSize();
	await page.mouse.move(Math.round(vp.width * 0.9), Math.round(vp.height * 0.85));
	await settle(page);
	await dismissPopups(page);
	await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
	log(`wrote ${path.relative(process.cwd(), file)} (${page.viewportSize().width}×${page.viewportSize().height})`);
}

const userDataDir = mkdtempSync(path.join(WORK, 'chromium-profile-'));
const context = await chromium.launchPersistentContext(userDataDir, {
	executablePath: CHROMIUM,
	headless: true,
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
	],
	viewport: VIEWPORT,
	deviceScaleFactor: 1,
	locale: 'en-US',
	timezoneId: 'UTC',
	colorScheme: 'light',
	reducedMotion: 'reduce',
});

const refused = new Set();
await context.route('**/*', (route) => {
	const url = new URL(route.request().url());
	if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') return route.continue();
	refused.add(url.origin);
	return route.abort('blockedbyclient');
});

let failed = false;
const page = context.pages()[0] ?? (await context.newPage());
try {
	page.setDefaultTimeout(30_000);

	// --- sign in as the owner (n8n 1.x: claimed through its set-up endpoint first) ---
	const { ensureOwner } = createRequire(import.meta.url)('./lib/runtime.cjs');
	if ((await ensureOwner(BASE, { email: EMAIL, password: PASSWORD })) === 'setup') log('owner created through /rest/owner/setup (n8n 1.x)');
	await page.goto(`${BASE}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"], input[name="email"]').fill(EMAIL);
	await page.locator('input[name="password"]').fill(PASSWORD);
	await page.locator('[data-test-id="form-submit-button"]').click();
	await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
	log('signed in');

	/** n8n's REST API with the editor's session cookie and browser id. */
	const rest = async (method, p, body) => {
		const res = await page.evaluate(
			async ({ method, p, body }) => {
				const r = await fetch(`/rest${p}`, {
					method,
					headers: {
						'content-type': 'application/json',
						'browser-id': localStorage.getItem('n8n-browserId') ?? '',
					},
					body: body === undefined ? undefined : JSON.stringify(body),
				});
				return { status: r.status, text: await r.text() };
			},
			{ method, p, body },
		);
		if (res.status >= 400) throw new Error(`${method} /rest${p} → ${res.status}: ${res.text.slice(0, 500)}`);
		return JSON.parse(res.text).data;
	};

	// --- credentials the templates refer to (by name) ---------------------------
	const oauth = await rest('POST', '/credentials', {
		name: 'HighLevel (GHL) OAuth2',
		type: 'ghlOAuth2Api',
		data: { clientId: 'fakeapp00000000000001-fakeclient', clientSecret: 'fake-client-secret' },
	});
	const scoreApp = await rest('POST', '/credentials', {
		name: 'ScoreApp webhook secret',
		type: 'scoreAppWebhookApi',
		data: { secret: 'screenshots-secret-0123456789' },
	});
	// Connect the OAuth2 credential: authorize URL → fake GHL's chooselocation,
	// which redirects straight back to n8n's callback with a code.
	const authUrl = await rest('GET', `/oauth2-credential/auth?id=${encodeURIComponent(oauth.id)}`);
	const popup = await context.newPage();
	await popup.goto(authUrl);
	await popup.waitForLoadState('load');
	await popup.close();
	const connected = await rest('GET', `/credentials/${oauth.id}?includeData=true`);
	if (!connected.data?.oauthTokenData) log('warning: the OAuth2 credential did not connect');
	else log('OAuth2 credential connected to the fake GHL');

	const credentialIds = {
		ghlOAuth2Api: { id: oauth.id, name: oauth.name },
		scoreAppWebhookApi: { id: scoreApp.id, name: scoreApp.name },
	};
	const importTemplate = async (file) => {
		const t = template(file);
		for (const node of t.nodes) {
			for (const type of Object.keys(node.credentials ?? {})) {
				if (credentialIds[type]) node.credentials[type] = credentialIds[type];
			}
		}
		const wf = await rest('POST', '/workflows', {
			name: t.name,
			nodes: t.nodes,
			connections: t.connections,
			settings: t.settings ?? {},
			pinData: t.pinData ?? {},
			meta: t.meta ?? {},
			active: false,
		});
		log(`imported ${file} as workflow ${wf.id}`);
		return wf.id;
	};
	const leadWf = await importTemplate('scoreapp-lead-to-ghl.json');
	const taskWf = await importTemplate('ghl-task-note-to-next-step.json');

	// --- 1. the template on the canvas ---------------------------------------------
	await openWorkflow(page, leadWf, { width: 1280, height: 760 });
	await shoot(page, SHOTS.canvas); // n8n fits the canvas to the window on opening

	// --- 2. HighLevel (GHL) node, Contact → Create or Update ---------------------------
	await openNode(page, 'Create or Update Contact');
	await expectParameter(page, 'Resource', 'Contact');
	await expectParameter(page, 'Operation', 'Create or Update');
	await fitParameters(page);
	await shoot(page, SHOTS.upsert);
	await page.keyboard.press('Escape');

	// --- 3. HighLevel (GHL) Trigger, webhook URLs open on the Production URL ---------
	await openWorkflow(page, taskWf, { width: 1280, height: 820 });
	await openNode(page, 'GHL Trigger');
	await page.getByText('Webhook URLs', { exact: true }).click();
	await page.locator('[data-test-id="radio-button-production"]').click();
	await page.getByText(/\/webhook\/[0-9a-f-]+\/webhook$/).waitFor();
	await settle(page);
	await shoot(page, SHOTS.trigger);
	await page.keyboard.press('Escape');

	// --- 4. Settings → Community Nodes lists the package ------------------------------
	const { name: packageName, version: packageVersion } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	await page.setViewportSize({ width: 1280, height: 560 });
	await page.goto(`${BASE}/settings/community-nodes`);
	const card = page.locator('[data-test-id="community-package-card"]').filter({ hasText: packageName });
	await card.waitFor();
	const shown = (await card.innerText()).replace(/\s+/g, ' ');
	if (!shown.includes(packageVersion)) throw new Error(`the Community Nodes card shows "${shown}", not version ${packageVersion}`);
	log(`Community Nodes card: ${shown}`);
	await shoot(page, SHOTS.communityNodes);
} catch (e) {
	failed = true;
	console.error(e);
	await page.screenshot({ path: path.join(WORK, 'failure.png') }).catch(() => {});
	log(`the page at the time of the failure: ${path.join(WORK, 'failure.png')} (GHL_SCREENSHOTS_KEEP=1 keeps it)`);
} finally {
	await context.close();
}
if (refused.size) log(`refused (not 127.0.0.1): ${[...refused].join(', ')}`);
process.exit(failed ? 1 : 0);
