// zh-CN coverage: every string the designer's bpmn-io modules pass to diagram-js's `translate` service must be in our
// map (src/designer/zh/*.ts, merged by src/designer/translate.ts).
//
//   node scripts/i18n-coverage.mjs [--list | --json] [--verbose]
//
// Reads the installed packages (the versions package.json pins) where vite resolves them: the `lib/` sources of
// bpmn-js and diagram-js, and the `dist/*.esm.js` bundles of the others, whose source maps tell which original file
// each call came from, so the Camunda 7 parts can be left out. Collects the first argument of every `translate(...)`
// and `this._translate(...)` call when it can be read statically (literals, `+`, template literals and `a ? 'x' : 'y'`
// with literal parts, constants and constant lookup tables of the same file); the calls whose text comes from
// elsewhere are listed in DYNAMIC below, with the strings they can show or the reason they need none.
//
// Exit code 1 when a string is missing from the map (each is listed), when a call cannot be read and DYNAMIC does not
// account for it, or when the map files are malformed (a non-literal entry, a key twice); map entries no module uses
// are warned about. --list prints every string found, its map file and where it comes from (--json: the same as JSON,
// in the order found).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(root, 'node_modules');
const mapDir = join(root, 'src/designer/zh');
const args = new Set(process.argv.slice(2));

/**
 * What the modeler loads (src/designer/modeler.ts) and what vite resolves it to. `entries` are the import specifiers
 * the app (or bpmn-js) uses; the script checks they resolve into `scan`, so a layout change in a package fails here.
 * `exclude` prefixes are original source paths (for bundles, as the source map names them) with the reason.
 * Not scanned at all: bpmn-js/dist (UMD builds of Viewer/Modeler: the app imports lib/Modeler), each package's
 * dist/index.js and *.umd.js (CommonJS/UMD twins of the ESM bundle vite takes), test/ folders, *.d.ts.
 */
const SCAN = [
  // no `module`/`exports`: the app imports bpmn-js/lib/Modeler itself
  { pkg: 'bpmn-js', entries: ['bpmn-js/lib/Modeler'], scan: ['lib'] },
  // bpmn-js imports diagram-js/lib/… directly
  { pkg: 'diagram-js', entries: ['diagram-js/lib/Diagram', 'diagram-js/lib/features/popup-menu'], scan: ['lib'] },
  // bpmn-js's label editing (translates nothing today)
  { pkg: 'diagram-js-direct-editing', entries: ['diagram-js-direct-editing'], scan: ['lib'] },
  {
    pkg: 'bpmn-js-properties-panel', entries: ['bpmn-js-properties-panel'], scan: ['dist/index.esm.js'],
    exclude: {
      'src/provider/camunda-platform/': 'Camunda 7 provider: modeler.ts loads only the BPMN and Zeebe providers',
      'src/contextProvider/camunda-platform/': 'Camunda 7 tooltips, used by the Camunda 7 provider only',
    },
  },
  { pkg: '@bpmn-io/properties-panel', entries: ['@bpmn-io/properties-panel'], scan: ['dist/index.esm.js'] },
  {
    pkg: 'bpmn-js-element-templates', entries: ['bpmn-js-element-templates'], scan: ['dist/index.esm.js'],
    exclude: {
      'src/element-templates/properties-panel/': 'Camunda 7 templates panel: modeler.ts loads CloudElementTemplatesPropertiesProviderModule',
      'src/element-templates/util/validationUtil.js': 'used only by the Camunda 7 templates panel',
    },
  },
  { pkg: '@bpmn-io/element-template-chooser', entries: ['@bpmn-io/element-template-chooser'], scan: ['dist/index.es.js'] },
  { pkg: 'bpmn-js-bpmnlint', entries: ['bpmn-js-bpmnlint'], scan: ['dist/index.esm.js'] },
  { pkg: 'diagram-js-minimap', entries: ['diagram-js-minimap'], scan: ['dist/index.esm.js'] },
  // the catalogue's templates in the create, append and replace menus (CreateAppendElementTemplatesModule)
  { pkg: 'bpmn-js-create-append-anything', entries: ['bpmn-js-create-append-anything'], scan: ['dist/index.es.js'] },
  {
    pkg: 'camunda-bpmn-js-behaviors', entries: ['camunda-bpmn-js-behaviors/lib/camunda-cloud'], scan: ['lib'],
    exclude: { 'lib/camunda-platform/': 'Camunda 7 behaviors: modeler.ts loads camunda-cloud' },
  },
];

const TEMPLATE_DATA = 'text of an element template: the activity catalogue our API serves, not a module string';

/**
 * Calls whose argument is not a literal of the same file: where (package-relative source path) and the argument's
 * source text, then the strings it can show (a function of the helpers below) or why it shows none of ours.
 */
const DYNAMIC = [
  {
    where: 'bpmn-js/lib/features/popup-menu/ReplaceMenuProvider.js', arg: 'label',
    why: 'the replace menu entries: the labels of PopupEntries and ReplaceOptions',
    strings: () => [...labels('bpmn-js', 'lib/features/popup-menu/PopupEntries.js'), ...labels('bpmn-js', 'lib/features/replace/ReplaceOptions.js')],
  },
  {
    where: 'bpmn-js/lib/features/align-elements/AlignElementsMenuProvider.js', arg: "'Align elements ' + alignment",
    why: 'one entry per ALIGNMENT_OPTIONS',
    strings: () => arrayConstant('bpmn-js', 'lib/features/align-elements/AlignElementsMenuProvider.js', 'ALIGNMENT_OPTIONS').map((a) => `Align elements ${a}`),
  },
  {
    where: 'bpmn-js-properties-panel/src/render/PanelHeaderProvider.js', arg: "concreteType.replace(/(\\B[A-Z])/g, ' $1').replace(/(\\bNon Interrupting)/g, '($1)')",
    why: "the panel header's element type: the concrete types of src/icons/index.js, spelt out as the header does",
    strings: () => objectKeys('bpmn-js-properties-panel', 'src/icons/index.js').map((t) => t.replace(/(\B[A-Z])/g, ' $1').replace(/(\bNon Interrupting)/g, '($1)')),
  },
  {
    where: 'bpmn-js-bpmnlint/lib/Linting.js', arg: 'entry.message',
    why: 'the messages of the bpmnlint rules src/designer/lint.ts configures (our own rule reports in Chinese already)',
    strings: lintMessages,
  },
  {
    where: 'bpmn-js-create-append-anything/dist/index.es.js', arg: 'option.label',
    why: 'the create/append menu entries and the "plain element" replace entry: the labels of the PopupEntries bundled with it',
    strings: () => labels('bpmn-js-create-append-anything', 'dist/index.es.js'),
  },
  {
    where: 'bpmn-js-create-append-anything/dist/index.es.js', arg: 'option.group.name',
    why: 'the create/append menu groups: the names of its *_GROUP constants',
    strings: () => groupNames('bpmn-js-create-append-anything', 'dist/index.es.js'),
  },
  {
    where: 'bpmn-js-create-append-anything/dist/index.es.js', arg: 'option.description',
    skip: 'no bundled PopupEntries entry has a description (only templates do, which are our catalogue)',
  },
  { where: 'bpmn-js-properties-panel/src/render/PanelHeaderProvider.js', arg: 'template.name', skip: TEMPLATE_DATA },
  { where: 'bpmn-js-element-templates/src/cloud-element-templates/util/propertyUtil.js', arg: 'message', skip: `a pattern's message, ${TEMPLATE_DATA}` },
  { where: 'bpmn-js-element-templates/src/components/PropertyDescription.js', arg: 'description', skip: TEMPLATE_DATA },
  { where: 'bpmn-js-element-templates/src/cloud-element-templates/properties-panel/properties/custom-properties/ConfigurationProperty.js', arg: "label || templateName || 'Configuration'", skip: `'Configuration' is read; the rest is ${TEMPLATE_DATA}` },
  { where: 'bpmn-js-element-templates/src/cloud-element-templates/properties-panel/properties/custom-properties/index.js', arg: 'group.label', skip: TEMPLATE_DATA },
  ...['step.name', 'step.description', 'template.name', 'template.description', 'category.name'].map((arg) => ({
    where: '@bpmn-io/element-template-chooser/src/ElementTemplateChooserEntryProvider.js', arg, skip: TEMPLATE_DATA,
  })),
];

// ---------------------------------------------------------------------------------------------------------------
// reading JavaScript

/** Depth-first walk over an ESTree AST; `visit(node, ancestors)`. */
function walk(node, visit, ancestors = []) {
  if (!node || typeof node.type !== 'string') return;
  visit(node, ancestors);
  ancestors.push(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) for (const child of value) walk(child, visit, ancestors);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit, ancestors);
  }
  ancestors.pop();
}

const FUNCTION = /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression|Program)$/;

/** The names a binding pattern declares (`a`, `{ a, b: c }`, `[a, ...b]`, `a = 1`). */
function patternNames(pattern) {
  if (!pattern) return [];
  switch (pattern.type) {
    case 'Identifier': return [pattern.name];
    case 'AssignmentPattern': return patternNames(pattern.left);
    case 'RestElement': return patternNames(pattern.argument);
    case 'ArrayPattern': return pattern.elements.flatMap(patternNames);
    case 'ObjectPattern': return pattern.properties.flatMap((p) => patternNames(p.type === 'RestElement' ? p : p.value));
    default: return [];
  }
}

/**
 * The constants of a file: `get(name, at)` is the initializer of the declaration of `name` in scope at offset `at`
 * (the innermost enclosing function's), or, without `at`, of the only declaration of that name. Parameters and
 * declarations without a value shadow outer ones and read as unknown; a name assigned again within its function too.
 */
function constants(ast) {
  const declarations = new Map(); // name -> [{ init, start, end }]
  const declare = (name, init, scope) => {
    if (!declarations.has(name)) declarations.set(name, []);
    declarations.get(name).push({ init, start: scope.start, end: scope.end });
  };
  const assignments = [];
  walk(ast, (node, ancestors) => {
    const scope = ancestors.findLast((a) => FUNCTION.test(a.type)) ?? ast;
    if (node.type === 'VariableDeclarator') {
      const names = patternNames(node.id);
      for (const name of names) declare(name, node.id.type === 'Identifier' ? node.init : null, scope);
    }
    if (FUNCTION.test(node.type) && node.params) for (const name of node.params.flatMap(patternNames)) declare(name, null, node);
    if (node.type === 'CatchClause') for (const name of patternNames(node.param)) declare(name, null, node);
    if (node.type === 'AssignmentExpression') for (const name of patternNames(node.left)) assignments.push([name, node.start]);
    if (node.type === 'UpdateExpression' && node.argument.type === 'Identifier') assignments.push([node.argument.name, node.start]);
  });
  for (const [name, at] of assignments) {
    for (const d of declarations.get(name) ?? []) if (d.start <= at && at < d.end) d.init = null;
  }
  return {
    get(name, at) {
      const list = declarations.get(name) ?? [];
      if (at === undefined) return list.length === 1 ? list[0].init : undefined;
      const visible = list.filter((d) => d.start <= at && at < d.end).sort((a, b) => (a.end - a.start) - (b.end - b.start));
      return visible[0]?.init ?? undefined;
    },
  };
}

/**
 * The strings an expression can evaluate to, as far as the file says: { values, complete }. `complete` is false when
 * some part comes from elsewhere (a parameter, a call, data).
 */
function evaluate(node, consts, depth = 0) {
  const unknown = { values: [], complete: false };
  if (!node || depth > 8) return unknown;
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' || typeof node.value === 'number' ? { values: [String(node.value)], complete: true } : unknown;
    case 'ParenthesizedExpression':
      return evaluate(node.expression, consts, depth + 1);
    case 'TemplateLiteral': {
      let acc = { values: [''], complete: true };
      node.quasis.forEach((quasi, i) => {
        acc = product(acc, { values: [quasi.value.cooked], complete: true });
        if (i < node.expressions.length) acc = product(acc, evaluate(node.expressions[i], consts, depth + 1));
      });
      return acc;
    }
    case 'BinaryExpression':
      return node.operator === '+' ? product(evaluate(node.left, consts, depth + 1), evaluate(node.right, consts, depth + 1)) : unknown;
    case 'ConditionalExpression':
      return union(evaluate(node.consequent, consts, depth + 1), evaluate(node.alternate, consts, depth + 1));
    case 'LogicalExpression':
      return union(evaluate(node.left, consts, depth + 1), evaluate(node.right, consts, depth + 1));
    case 'Identifier': {
      const init = consts.get(node.name, node.start);
      return init ? evaluate(init, consts, depth + 1) : unknown;
    }
    case 'MemberExpression': {
      const table = node.object.type === 'Identifier' ? consts.get(node.object.name, node.start) : null;
      if (!table || table.type !== 'ObjectExpression') return unknown;
      const key = node.computed ? evaluate(node.property, consts, depth + 1) : { values: [node.property.name], complete: true };
      const props = table.properties.filter((p) => p.type === 'Property');
      const picked = key.complete ? props.filter((p) => key.values.includes(propertyName(p))) : props;
      return picked.reduce((acc, p) => union(acc, evaluate(p.value, consts, depth + 1)), { values: [], complete: picked.length > 0 });
    }
    default:
      return unknown;
  }
}

function product(a, b) {
  const values = [];
  for (const x of a.values) for (const y of b.values) values.push(x + y);
  return { values: values.length > 256 ? [] : values, complete: a.complete && b.complete && values.length <= 256 };
}

function union(a, b) {
  return { values: [...new Set([...a.values, ...b.values])], complete: a.complete && b.complete };
}

function propertyName(p) {
  if (p.computed) return null;
  return p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : null;
}

/** Is this call a use of diagram-js's translate service? */
function translateCall(node, importedElsewhere) {
  const callee = node.callee;
  if (callee.type === 'Identifier') {
    return /^_?translate(\$\d+)?$/.test(callee.name) && !importedElsewhere.has(callee.name);
  }
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    // `this._translate(...)`; `matrix.translate(x, y)` is SVG geometry
    return callee.property.name === '_translate' || (callee.property.name === 'translate' && callee.object.type === 'ThisExpression');
  }
  return false;
}

/** Local names bound by an import that is not diagram-js's translate (tiny-svg's and SvgTransformUtil's `translate`). */
function foreignImports(ast) {
  const names = new Set();
  for (const node of ast.body) {
    if (node.type !== 'ImportDeclaration' || /i18n\/translate/.test(node.source.value)) continue;
    for (const s of node.specifiers) names.add(s.local.name);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------------------------
// source maps: which original file a position of a bundle came from

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Per generated line, the segments [generatedColumn, sourceIndex], sorted by column. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        segments.push([column, source]);
      }
      // fields[2], fields[3] (original line/column) are deltas too, but only the source matters here
    }
    lines.push(segments);
  }
  return lines;
}

/** A function from offset to the original source path ('src/…', relative to the package), or null. */
function sourceLocator(file, code) {
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) return null;
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const lines = decodeMappings(map.mappings);
  const sources = map.sources.map((s) => s.replace(/^(\.\.\/)+/, '').replace(/^\.\//, ''));
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const column = offset - lineStarts[lo];
    let found = null;
    for (const [col, src] of lines[lo] ?? []) {
      if (col > column) break;
      found = src;
    }
    return found === null ? null : sources[found];
  };
}

// ---------------------------------------------------------------------------------------------------------------
// what DYNAMIC reads: original sources (a lib file, or a bundle's source map's sourcesContent)

const parsed = new Map();

/** The AST and constants of a package's original source file. */
function original(pkg, path) {
  const key = `${pkg}/${path}`;
  if (parsed.has(key)) return parsed.get(key);
  let code;
  const direct = join(packageDir(pkg), path);
  if (existsSync(direct)) code = readFileSync(direct, 'utf8');
  else {
    for (const bundle of SCAN.find((e) => e.pkg === pkg).scan) {
      const mapFile = join(packageDir(pkg), `${bundle}.map`);
      if (!existsSync(mapFile)) continue;
      const map = JSON.parse(readFileSync(mapFile, 'utf8'));
      const i = map.sources.findIndex((s) => s.replace(/^(\.\.\/)+/, '') === path);
      if (i >= 0) code = map.sourcesContent?.[i];
    }
  }
  if (code === undefined) throw new Error(`${key}: not found`);
  const ast = parseAst(code, { lang: 'js' });
  const result = { ast, consts: constants(ast) };
  parsed.set(key, result);
  return result;
}

/** The literal `label:` values of a file, and a `label` variable's literal value with what `label +=` adds to it. */
function labels(pkg, path) {
  const { ast, consts } = original(pkg, path);
  const result = [];
  const suffixes = [];
  let base = null;
  walk(ast, (node) => {
    if (node.type === 'Property' && propertyName(node) === 'label') result.push(...evaluate(node.value, consts).values);
    if (node.type === 'VariableDeclarator' && node.id.name === 'label' && node.init) base = evaluate(node.init, consts).values;
    if (node.type === 'AssignmentExpression' && node.operator === '+=' && node.left.name === 'label') suffixes.push(...evaluate(node.right, consts).values);
  });
  for (const b of base ?? []) result.push(b, ...suffixes.map((s) => b + s));
  if (result.length === 0) throw new Error(`${pkg}/${path}: no labels`);
  return result;
}

/** The `name` of every `const X_GROUP = { id, name }` of a file (the create/append menus' groups). */
function groupNames(pkg, path) {
  const { ast, consts } = original(pkg, path);
  const result = [];
  walk(ast, (node) => {
    if (node.type !== 'VariableDeclarator' || !/_GROUP$/.test(node.id.name ?? '') || node.init?.type !== 'ObjectExpression') return;
    for (const p of node.init.properties) if (propertyName(p) === 'name') result.push(...evaluate(p.value, consts).values);
  });
  if (result.length === 0) throw new Error(`${pkg}/${path}: no *_GROUP names`);
  return result;
}

function arrayConstant(pkg, path, name) {
  const { consts } = original(pkg, path);
  const init = consts.get(name);
  if (init?.type !== 'ArrayExpression') throw new Error(`${pkg}/${path}: no array ${name}`);
  return init.elements.flatMap((e) => evaluate(e, consts).values);
}

function objectKeys(pkg, path) {
  const declaration = original(pkg, path).ast.body.find((n) => n.type === 'ExportDefaultDeclaration');
  if (declaration?.declaration.type !== 'ObjectExpression') throw new Error(`${pkg}/${path}: no default exported object`);
  return declaration.declaration.properties.map(propertyName);
}

/** The messages `reporter.report(id, message)` of the bpmnlint rules src/designer/lint.ts imports. */
function lintMessages() {
  const lint = parseAst(readFileSync(join(root, 'src/designer/lint.ts'), 'utf8'), { lang: 'ts' });
  const rules = lint.body.filter((n) => n.type === 'ImportDeclaration' && n.source.value.startsWith('bpmnlint/rules/')).map((n) => n.source.value);
  if (rules.length === 0) throw new Error('src/designer/lint.ts imports no bpmnlint rule');
  const result = [];
  for (const rule of rules) {
    const { ast, consts } = original('bpmnlint', `${rule.slice('bpmnlint/'.length)}.js`);
    walk(ast, (node) => {
      if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.name !== 'report') return;
      const message = evaluate(node.arguments[1], consts);
      if (!message.complete) problems.push(`${rule}: a message that cannot be read: add it to DYNAMIC by hand`);
      result.push(...message.values);
    });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// packages: which file vite resolves, what is scanned

function packageDir(pkg) {
  return join(modules, pkg);
}

function readPackage(pkg) {
  return JSON.parse(readFileSync(join(packageDir(pkg), 'package.json'), 'utf8'));
}

/** Resolves a bare specifier the way vite does for a browser ESM build (exports' import/default, module, main). */
function resolveSpecifier(specifier) {
  const parts = specifier.split('/');
  const pkg = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const sub = specifier.slice(pkg.length);
  const json = readPackage(pkg);
  const dir = packageDir(pkg);
  const pick = (target) => (typeof target === 'string' ? target : target && (target.browser ?? target.import ?? target.module ?? target.default));
  if (json.exports) {
    const exports = typeof json.exports === 'string' || json.exports.import || json.exports.default ? { '.': json.exports } : json.exports;
    const target = pick(exports[`.${sub}`]);
    if (target) return join(dir, target);
    for (const [key, value] of Object.entries(exports)) {
      if (!key.includes('*')) continue;
      const [head, tail] = key.split('*');
      const wanted = `.${sub}`;
      if (wanted.startsWith(head) && wanted.endsWith(tail)) return join(dir, pick(value).replace('*', wanted.slice(head.length, wanted.length - tail.length)));
    }
    throw new Error(`${specifier}: not exported by ${pkg}`);
  }
  if (!sub) return join(dir, json.module ?? json.main ?? 'index.js');
  for (const candidate of ['', '.js', '/index.js']) {
    const file = join(dir, sub + candidate);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  throw new Error(`${specifier}: no such file`);
}

function jsFiles(path) {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? jsFiles(join(path, e.name)) : /\.m?js$/.test(e.name) ? [join(path, e.name)] : []));
}

const problems = [];
const found = new Map(); // string -> Set of origins
const unread = []; // { where, arg, values }

function add(text, origin) {
  if (!/\p{L}/u.test(text) && text.trim().length <= 1) return; // '', ' ', '?': nothing to translate
  if (!found.has(text)) found.set(text, new Set());
  found.get(text).add(origin);
}

const declared = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies;

for (const entry of SCAN) {
  const dir = packageDir(entry.pkg);
  const version = readPackage(entry.pkg).version;
  if (declared[entry.pkg] && declared[entry.pkg] !== version) problems.push(`${entry.pkg}: ${version} installed, package.json pins ${declared[entry.pkg]} (run npm ci)`);
  const files = entry.scan.flatMap((p) => jsFiles(join(dir, p)));
  for (const specifier of entry.entries) {
    const target = resolveSpecifier(specifier);
    if (!files.includes(target)) problems.push(`${specifier} resolves to ${relative(modules, target)}, which the scan list does not cover`);
  }
  const exclude = Object.keys(entry.exclude ?? {});
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    const own = relative(dir, file).split(sep).join('/');
    if (exclude.some((prefix) => own.startsWith(prefix))) continue;
    if (!/translate/.test(code)) continue;
    const ast = parseAst(code, { lang: 'js' });
    const locate = sourceLocator(file, code);
    const consts = constants(ast);
    const foreign = foreignImports(ast);
    walk(ast, (node) => {
      if (node.type !== 'CallExpression' || !translateCall(node, foreign) || node.arguments.length === 0) return;
      const origin = locate ? locate(node.start) ?? own : own;
      if (exclude.some((prefix) => origin.startsWith(prefix))) return;
      const where = `${entry.pkg}/${origin}`;
      const result = evaluate(node.arguments[0], consts);
      for (const value of result.values) add(value, where);
      if (!result.complete) unread.push({ where, arg: code.slice(node.arguments[0].start, node.arguments[0].end).replace(/\s+/g, ' '), values: result.values });
      // Replacement values are translated too (translate.ts looks each up in the map): the literal ones (a default
      // such as `listener.get('type') || '<no type>'`, an English label) must be there; the rest is the user's data.
      const replacements = node.arguments[1];
      if (replacements?.type === 'ObjectExpression') {
        for (const p of replacements.properties) {
          if (p.type !== 'Property') continue;
          for (const v of evaluate(p.value, consts).values) if (!/^\d+$/.test(v)) add(v, `${where} {${propertyName(p)}}`);
        }
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// the calls read only through DYNAMIC

const used = new Set();
for (const call of unread) {
  const known = DYNAMIC.find((d) => d.where === call.where && d.arg === call.arg);
  if (!known) {
    problems.push(`${call.where}: translate(${call.arg}) cannot be read statically; say in DYNAMIC what it shows`);
    continue;
  }
  used.add(known);
  if (known.strings) for (const text of known.strings()) add(text, `${call.where} (${known.why})`);
}
for (const d of DYNAMIC) if (!used.has(d)) problems.push(`DYNAMIC entry for ${d.where} translate(${d.arg}) matches no call any more`);

// ---------------------------------------------------------------------------------------------------------------
// the map: src/designer/zh/*.ts, each `const zh: Record<string, string> = { 'English': '中文', … }; export default zh;`

const map = new Map(); // key -> file
const translateTs = readFileSync(join(root, 'src/designer/translate.ts'), 'utf8');
const imported = new Set(
  parseAst(translateTs, { lang: 'ts' }).body
    .filter((n) => n.type === 'ImportDeclaration' && n.source.value.startsWith('./zh/'))
    .map((n) => `${n.source.value.slice('./zh/'.length).replace(/\.ts$/, '')}.ts`),
);
for (const name of readdirSync(mapDir).filter((f) => f.endsWith('.ts')).sort()) {
  const file = `src/designer/zh/${name}`;
  if (!imported.has(name)) problems.push(`${file}: not imported by src/designer/translate.ts`);
  const ast = parseAst(readFileSync(join(mapDir, name), 'utf8'), { lang: 'ts' });
  const objects = [];
  walk(ast, (node) => node.type === 'ObjectExpression' && objects.push(node));
  if (objects.length !== 1) problems.push(`${file}: expected one object literal, found ${objects.length}`);
  for (const p of objects[0]?.properties ?? []) {
    const key = p.type === 'Property' && !p.computed ? propertyName(p) : null;
    const literal = p.type === 'Property' && p.value.type === 'Literal' && typeof p.value.value === 'string';
    if (key === null || !literal) {
      problems.push(`${file}: every entry must be 'literal': 'literal' (at offset ${p.start})`);
      continue;
    }
    if (map.has(key)) problems.push(`${file}: ${JSON.stringify(key)} is also in ${map.get(key)}`);
    map.set(key, file);
    const placeholders = (text) => [...text.matchAll(/{([^}]+)}/g)].map((m) => m[1]).sort().join(',');
    if (placeholders(key) !== placeholders(p.value.value)) problems.push(`${file}: ${JSON.stringify(key)}: the translation's placeholders differ`);
  }
}
for (const name of imported) if (!existsSync(join(mapDir, name))) problems.push(`src/designer/translate.ts imports ./zh/${name}, which does not exist`);

// ---------------------------------------------------------------------------------------------------------------
// report

const origins = (text) => [...found.get(text)].join('; ');
if (args.has('--json')) console.log(JSON.stringify([...found].map(([text, from]) => ({ text, file: map.get(text) ?? null, from: [...from] })), null, 1));
if (args.has('--list')) for (const text of [...found.keys()].sort()) console.log(`${JSON.stringify(text)}\t${map.get(text) ?? 'MISSING'}\t${origins(text)}`);
if (args.has('--verbose')) for (const d of DYNAMIC) if (d.skip) console.log(`not read: ${d.where} translate(${d.arg}): ${d.skip}`);

const missing = [...found.keys()].filter((text) => !map.has(text)).sort();
const unused = [...map.keys()].filter((text) => !found.has(text)).sort();
for (const text of unused) console.warn(`warning: ${map.get(text)}: ${JSON.stringify(text)} is used by no module`);
for (const p of problems) console.error(`error: ${p}`);
for (const text of missing) console.error(`missing: ${JSON.stringify(text)}  (${origins(text)})`);
console.log(`i18n: ${found.size} strings used by the modeler's modules, ${found.size - missing.length} in the zh-CN map (${map.size} entries), ${missing.length} missing, ${unused.length} unused`);
process.exitCode = missing.length || problems.length ? 1 : 0;
