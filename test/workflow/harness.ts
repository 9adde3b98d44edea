/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * In-process n8n workflow harness for jest.
 *
 * Runs a real workflow through n8n-core's `WorkflowExecute` (the same engine the
 * n8n server uses) with:
 *   - a small node-type registry (our node types + a built-in "Start" node that emits
 *     the items the test gives it),
 *   - an in-memory `ICredentialsHelper` that behaves like n8n's CLI `CredentialsHelper`
 *     (credential `extends` resolution, property defaults, expressions in credential
 *     fields, the declarative `authenticate` generic, preAuthentication, and
 *     persistence of refreshed OAuth2 token data), recording every write,
 *   - the legacy (in-process `new Function`) expression engine, so isolated-vm is never
 *     loaded.
 *
 * HTTP goes out through n8n's real stack (axios), so nock intercepts it.
 */
import { tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	deepCopy,
	Expression,
	ICredentialsHelper,
	isExpression,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';
import type {
	ExecutionBaseError,
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IConnections,
	IDataObject,
	IExecuteData,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRequestOptionsSimplified,
	IRun,
	IRunData,
	IVersionedNodeType,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';

// ---------------------------------------------------------------------------
// Environment
// ---------------------------------------------------------------------------

/**
 * n8n's DI services (InstanceSettings, Logger, GlobalConfig, ...) read the environment
 * when they are first built, which happens lazily inside the first execution. Only
 * variables the caller did not set are filled in.
 */
function ensureEnvironment(): void {
	if (!process.env.N8N_USER_FOLDER) {
		// InstanceSettings writes <folder>/.n8n/config on first use.
		const userFolder = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
		process.env.N8N_USER_FOLDER = userFolder;
		if (typeof afterAll === 'function') {
			afterAll(() => rmSync(userFolder, { recursive: true, force: true }));
		}
	}
	// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test value, not a secret
	process.env.N8N_ENCRYPTION_KEY ??= 'n8n-nodes-ghl-test-encryption-key';
	process.env.N8N_LOG_LEVEL ??= 'silent';
	process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
}

ensureEnvironment();

// ---------------------------------------------------------------------------
// Built-in types
// ---------------------------------------------------------------------------

export const START_NODE_TYPE = 'harness.start';
export const START_NODE_NAME = 'Start';

/** Pass-through node: the harness puts the test's items on its input, it emits them. */
export class HarnessStartNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Start',
		name: 'harnessStart',
		group: ['trigger'],
		version: 1,
		description: 'Emits the items given to runWorkflow()',
		defaults: { name: START_NODE_NAME },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/**
 * Minimal stand-in for n8n-nodes-base's `oAuth2Api` (not installed here). Property
 * names, types, defaults and `doNotInherit` flags follow
 * packages/nodes-base/credentials/OAuth2Api.credentials.ts, because
 * n8n-core's requestOAuth2 reads exactly these fields.
 */
export const oAuth2ApiCredentialType: ICredentialType = {
	name: 'oAuth2Api',
	displayName: 'OAuth2 API',
	genericAuth: true,
	properties: [
		{
			displayName: 'Use Dynamic Client Registration',
			name: 'useDynamicClientRegistration',
			type: 'hidden',
			default: false,
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			displayOptions: { show: { useDynamicClientRegistration: [false] } },
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
				{ name: 'PKCE', value: 'pkce' },
			],
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			displayOptions: {
				show: { grantType: ['authorizationCode', 'pkce'], useDynamicClientRegistration: [false] },
			},
			default: '',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			displayOptions: { show: { useDynamicClientRegistration: [false] } },
			default: '',
			required: true,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			displayOptions: { show: { useDynamicClientRegistration: [false] } },
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			displayOptions: { show: { useDynamicClientRegistration: [false] } },
			default: '',
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			displayOptions: { show: { useDynamicClientRegistration: [false] } },
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'string',
			displayOptions: {
				show: { grantType: ['authorizationCode', 'pkce'], useDynamicClientRegistration: [false] },
			},
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			displayOptions: { show: { useDynamicClientRegistration: [false] } },
			options: [
				{ name: 'Body', value: 'body' },
				{ name: 'Header', value: 'header' },
			],
			default: 'header',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSSLIssues',
			type: 'boolean',
			default: false,
			doNotInherit: true,
		},
		{
			displayName: 'Token Expired Status Code',
			name: 'tokenExpiredStatusCode',
			type: 'number',
			default: 401,
			doNotInherit: true,
		},
	],
};

// ---------------------------------------------------------------------------
// Node types
// ---------------------------------------------------------------------------

type NodeTypeClass = new () => INodeType | IVersionedNodeType;
export type NodeTypeLike = INodeType | IVersionedNodeType | NodeTypeClass;

function instantiate(nodeType: NodeTypeLike): INodeType | IVersionedNodeType {
	return typeof nodeType === 'function' ? new nodeType() : nodeType;
}

export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor(nodeTypes: Record<string, NodeTypeLike>) {
		this.types.set(START_NODE_TYPE, new HarnessStartNode());
		for (const [name, type] of Object.entries(nodeTypes)) this.types.set(name, instantiate(type));
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types.get(nodeType);
		if (!type) {
			throw new Error(
				`Unknown node type "${nodeType}" (registered: ${[...this.types.keys()].join(', ')})`,
			);
		}
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/** Node types for throwaway workflows (credential expression resolution). */
const noNodeTypes: INodeTypes = {
	getByName: () => new HarnessStartNode(),
	getByNameAndVersion: () => new HarnessStartNode(),
	getKnownTypes: () => ({}),
};

const MOCK_NODE: INode = {
	id: 'credential-mock',
	name: '',
	type: START_NODE_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

// ---------------------------------------------------------------------------
// Credentials
// ---------------------------------------------------------------------------

export interface HarnessCredential {
	id: string;
	name: string;
	data: ICredentialDataDecryptedObject;
}

export interface CredentialWrite {
	/** Which ICredentialsHelper method persisted the data. */
	method: 'updateCredentials' | 'updateCredentialsOauthTokenData';
	type: string;
	id: string | null;
	name: string;
	/**
	 * For updateCredentialsOauthTokenData: the full decrypted credential object n8n-core
	 * handed over (its `oauthTokenData` is what gets persisted). For updateCredentials:
	 * the full data that replaces the stored data.
	 */
	data: ICredentialDataDecryptedObject;
	/** Stored credential data right after the write. */
	stored: ICredentialDataDecryptedObject;
}

interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * In-memory equivalent of the CLI's CredentialsHelper
 * (packages/cli/src/credentials-helper.ts). Behaviour that matters for nodes is copied;
 * DB, encryption, overwrites, external secrets and dynamic credentials are left out.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	readonly writes: CredentialWrite[] = [];

	/** Calls of getDecrypted, for tests that assert on re-reads. */
	readonly reads: Array<{ type: string; id: string | null; raw: boolean }> = [];

	private readonly store = new Map<string, StoredCredential>();

	private readonly types = new Map<string, ICredentialType>();

	constructor(
		credentialTypes: Record<string, ICredentialType> | ICredentialType[] = {},
		credentials: Record<string, HarnessCredential> = {},
	) {
		super();
		this.types.set(oAuth2ApiCredentialType.name, oAuth2ApiCredentialType);
		const list = Array.isArray(credentialTypes) ? credentialTypes : Object.values(credentialTypes);
		for (const type of list) this.types.set(type.name, type);
		for (const [type, credential] of Object.entries(credentials)) {
			this.store.set(credential.id, {
				id: credential.id,
				name: credential.name,
				type,
				data: deepCopy(credential.data),
			});
		}
	}

	/** Current stored (raw) data of a credential. */
	getStored(id: string): ICredentialDataDecryptedObject | undefined {
		const stored = this.store.get(id);
		return stored ? deepCopy(stored.data) : undefined;
	}

	getCredentialType(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown credential type "${name}"`);
		return type;
	}

	getParentTypes(name: string): string[] {
		const type = this.types.get(name);
		if (!type?.extends) return [];
		const parents: string[] = [];
		for (const parent of type.extends) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return parents;
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.types.get(credentialType);
		if (!type?.restrictToSupportedNodes) return true;
		return (type.supportedNodes ?? []).some(
			(supported) => supported === nodeType || nodeType.endsWith(`.${supported}`),
		);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.getCredentialType(type);
		if (credentialType.extends === undefined) {
			if (['oAuth1Api', 'oAuth2Api'].includes(type)) {
				return [
					...credentialType.properties,
					{
						displayName: 'oauthTokenData',
						name: 'oauthTokenData',
						type: 'json',
						required: false,
						default: {},
					},
				];
			}
			return credentialType.properties;
		}
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}

	private findStored(nodeCredentials: INodeCredentialsDetails, type: string): StoredCredential {
		const byId = nodeCredentials.id ? this.store.get(nodeCredentials.id) : undefined;
		const stored =
			byId ?? [...this.store.values()].find((c) => c.type === type && !nodeCredentials.id);
		if (!stored || stored.type !== type) {
			throw new Error(
				`Credential with ID "${nodeCredentials.id}" of type "${type}" does not exist (harness store)`,
			);
		}
		return stored;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const stored = this.findStored(nodeCredentials, type);
		const credentials = {
			id: stored.id,
			name: stored.name,
			type: stored.type,
			data: undefined,
			getData: () => deepCopy(stored.data),
			getDataToSave: () => ({ id: stored.id, name: stored.name, type: stored.type, data: '' }),
			setData: (data: ICredentialDataDecryptedObject) => {
				stored.data = deepCopy(data);
			},
			updateData: (toUpdate: ICredentialDataDecryptedObject, toDelete: string[] = []) => {
				stored.data = { ...stored.data, ...deepCopy(toUpdate) };
				for (const key of toDelete) delete stored.data[key];
			},
		};
		return credentials as unknown as ICredentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.findStored(nodeCredentials, type);
		this.reads.push({ type, id: stored.id, raw: raw === true });
		const original = deepCopy(stored.data);
		if (raw === true) return original;

		// Defaults of the (merged) credential properties; undisplayed ones are dropped,
		// like NodeHelpers.getNodeParameters does in the CLI helper.
		const properties = this.getCredentialsProperties(type);
		let decrypted = NodeHelpers.getNodeParameters(
			properties,
			original as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (original.oauthTokenData !== undefined) decrypted.oauthTokenData = original.oauthTokenData;

		const additionalKeys: IWorkflowDataProxyAdditionalKeys = {};
		if (expressionResolveValues) {
			decrypted = expressionResolveValues.workflow.expression.getParameterValue(
				decrypted as INodeParameters,
				expressionResolveValues.runExecutionData,
				expressionResolveValues.runIndex,
				expressionResolveValues.itemIndex,
				expressionResolveValues.node.name,
				expressionResolveValues.connectionInputData,
				mode,
				additionalKeys,
				executeData,
				false,
				decrypted,
			) as ICredentialDataDecryptedObject;
		} else {
			const workflow = new Workflow({
				nodes: [MOCK_NODE],
				connections: {},
				active: false,
				nodeTypes: noNodeTypes,
			});
			decrypted = workflow.expression.getComplexParameterValue(
				MOCK_NODE,
				decrypted as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				decrypted,
			) as ICredentialDataDecryptedObject;
		}
		return decrypted;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.getCredentialType(typeName);
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (!workflow || !node) {
			throw new Error('Workflow and node are required for declarative credential authentication');
		}
		requestOptions.headers ??= {};
		if (authenticate.type === 'generic') {
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as IDataObject)) {
					const keyResolved = this.resolveValue(key, credentials, workflow, node);
					const valueResolved = this.resolveValue(value as string, credentials, workflow, node);
					const target = requestOptions as unknown as Record<string, IDataObject>;
					target[outerKey] ??= {};
					target[outerKey][keyResolved] = valueResolved;
				}
			}
		}
		return requestOptions;
	}

	private resolveValue(
		parameterValue: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const value = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return value ? String(value) : '';
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.getCredentialType(typeName);
		const expirable = credentialType.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (expirable?.name === undefined) return undefined;
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const nodeCredentials = node.credentials?.[credentialType.name];
		if (nodeCredentials) {
			const stored = this.findStored(nodeCredentials, credentialType.name);
			const toPersist: ICredentialDataDecryptedObject = { ...deepCopy(stored.data) };
			for (const [key, value] of Object.entries(output as ICredentialDataDecryptedObject)) {
				if (key === expirable.name || !isExpression(stored.data[key])) toPersist[key] = value;
			}
			await this.updateCredentials(nodeCredentials, credentialType.name, toPersist);
			return Object.assign(credentials, output as ICredentialDataDecryptedObject);
		}
		return undefined;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = this.getCredentialType(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		const output = await preAuthentication.call(helpers, credentials);
		return (output as ICredentialDataDecryptedObject | undefined) ?? undefined;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.findStored(nodeCredentials, type);
		stored.data = deepCopy(data);
		this.writes.push({
			method: 'updateCredentials',
			type,
			id: stored.id,
			name: stored.name,
			data: deepCopy(data),
			stored: deepCopy(stored.data),
		});
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.findStored(nodeCredentials, type);
		// Same as the CLI: only oauthTokenData is written back, merged into stored data.
		stored.data = { ...stored.data, oauthTokenData: deepCopy(data.oauthTokenData) };
		this.writes.push({
			method: 'updateCredentialsOauthTokenData',
			type,
			id: stored.id,
			name: stored.name,
			data: deepCopy(data),
			stored: deepCopy(stored.data),
		});
	}
}

// ---------------------------------------------------------------------------
// runWorkflow
// ---------------------------------------------------------------------------

export interface RunWorkflowOptions {
	/** Node types by the `type` string used in `nodes` (e.g. 'n8n-nodes-ghl.ghl'). */
	nodeTypes: Record<string, NodeTypeLike>;
	/**
	 * Workflow nodes. A start node (type START_NODE_TYPE, name 'Start') is added unless
	 * one is already present; `id`, `typeVersion` (1), `position` are filled if missing.
	 */
	nodes: Array<Partial<INode> & Pick<INode, 'name' | 'type'>>;
	/** Defaults to a straight chain Start → nodes[0] → nodes[1] → … */
	connections?: IConnections;
	/** Items the Start node emits. Plain objects are wrapped as `{ json }`. */
	items?: Array<INodeExecutionData | IDataObject>;
	/** Stored credentials by credential type name. */
	credentials?: Record<string, HarnessCredential>;
	/** Credential types (oAuth2Api is always present). */
	credentialTypes?: Record<string, ICredentialType> | ICredentialType[];
	/** Reuse a helper (and its store) across runs, e.g. to test token persistence. */
	credentialsHelper?: HarnessCredentialsHelper;
	mode?: WorkflowExecuteMode;
	settings?: IWorkflowSettings;
	staticData?: IDataObject;
	/** Extra fields merged into additionalData (e.g. `variables`). */
	additionalData?: Partial<IWorkflowExecuteAdditionalData>;
}

export interface RunWorkflowResult {
	/** `main` outputs of the first run of each node: output[nodeName][outputIndex] = items. */
	output: Record<string, INodeExecutionData[][]>;
	/** Node errors (first run) by node name. */
	nodeErrors: Record<string, ExecutionBaseError>;
	/** Workflow-level error (the failing node's error when it stopped the run). */
	error?: ExecutionBaseError;
	/** Every credential write, in order. */
	updatedCredentials: CredentialWrite[];
	credentialsHelper: HarnessCredentialsHelper;
	executionOrder: string[];
	runData: IRunData;
	run: IRun;
}

let executionCounter = 0;

function toItems(items: Array<INodeExecutionData | IDataObject> | undefined): INodeExecutionData[] {
	if (!items || items.length === 0) return [{ json: {} }];
	return items.map((item) =>
		typeof item.json === 'object' && item.json !== null && !Array.isArray(item.json)
			? (item as INodeExecutionData)
			: { json: item as IDataObject },
	);
}

export async function runWorkflow(options: RunWorkflowOptions): Promise<RunWorkflowResult> {
	ensureEnvironment();
	// Keep expressions on the in-process evaluator: the 'vm' engine needs isolated-vm.
	Expression.setExpressionEngine('legacy');

	const nodeTypes = new HarnessNodeTypes(options.nodeTypes);
	const credentialsHelper =
		options.credentialsHelper ??
		new HarnessCredentialsHelper(options.credentialTypes, options.credentials);

	const nodes: INode[] = options.nodes.map((node, index) => {
		const full: INode = {
			id: node.id ?? `node-${index + 1}`,
			typeVersion: node.typeVersion ?? 1,
			position: node.position ?? [200 * (index + 1), 0],
			parameters: node.parameters ?? {},
			...node,
		} as INode;
		if (full.credentials === undefined && options.credentials) {
			// Attach supplied credentials the node type declares.
			const description = nodeTypes.getByNameAndVersion(full.type, full.typeVersion).description;
			const declared = (description.credentials ?? []).map((c) => c.name);
			const attached: INode['credentials'] = {};
			for (const [type, credential] of Object.entries(options.credentials)) {
				if (declared.includes(type)) attached[type] = { id: credential.id, name: credential.name };
			}
			if (Object.keys(attached).length > 0) full.credentials = attached;
		}
		return full;
	});

	let startNode = nodes.find((node) => node.type === START_NODE_TYPE);
	if (!startNode) {
		startNode = {
			id: 'start',
			name: START_NODE_NAME,
			type: START_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		nodes.unshift(startNode);
	}

	let connections = options.connections;
	if (!connections) {
		connections = {};
		const chain = nodes.filter((node) => node !== startNode);
		let previous = startNode.name;
		for (const node of chain) {
			connections[previous] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
			previous = node.name;
		}
	}

	const workflowId = 'harness-workflow';
	const executionId = String(++executionCounter);
	const mode = options.mode ?? 'manual';

	const workflow = new Workflow({
		id: workflowId,
		name: 'Harness workflow',
		nodes,
		connections,
		active: false,
		nodeTypes,
		staticData: options.staticData,
		settings: { executionOrder: 'v1', ...options.settings },
	});

	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		id: workflowId,
		name: 'Harness workflow',
		active: false,
		isArchived: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1', ...options.settings },
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as never);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName: string) => {
		executionOrder.push(nodeName);
	});

	const notAvailable = (what: string) => async () => {
		throw new Error(`${what} is not available in the workflow harness`);
	};
	const additionalData = {
		credentialsHelper,
		hooks,
		executionId,
		workflowId,
		userId: 'harness-user',
		currentNodeExecutionIndex: 0,
		currentNodeParameters: undefined,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		executeWorkflow: notAvailable('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: notAvailable('startRunnerTask'),
		...options.additionalData,
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: startNode,
					data: { main: [toItems(options.items)] },
					source: null,
				},
			],
		},
	});

	const workflowExecute = new WorkflowExecute(additionalData, mode, runExecutionData);
	const run = await workflowExecute.processRunExecutionData(workflow);

	const runData = run.data.resultData.runData;
	const output: Record<string, INodeExecutionData[][]> = {};
	const nodeErrors: Record<string, ExecutionBaseError> = {};
	for (const [nodeName, tasks] of Object.entries(runData)) {
		const first = tasks[0];
		if (first?.data?.main) output[nodeName] = first.data.main as INodeExecutionData[][];
		if (first?.error) nodeErrors[nodeName] = first.error;
	}

	return {
		output,
		nodeErrors,
		error: run.data.resultData.error,
		updatedCredentials: credentialsHelper.writes,
		credentialsHelper,
		executionOrder,
		runData,
		run,
	};
}
