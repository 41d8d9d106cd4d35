// Opens BPMN files the way bpmn-js does (bpmn-moddle with the Zeebe extension, which bpmn-js and the Camunda
// Modeler use for Camunda 8 diagrams) and saves them again, as the designer's "save" would.
//
//   node scripts/roundtrip.mjs OUT_DIR FILE.bpmn...
//
// Writes OUT_DIR/<name> for each file and prints one JSON line per file: {"file", "warnings": [...]}.
// Import warnings are what bpmn-js would show (unknown elements or attributes, broken references).
// Exit code 0 when every file was read and written, 1 otherwise.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

const [outDir, ...files] = process.argv.slice(2);
if (!outDir || files.length === 0) {
  console.error('usage: node scripts/roundtrip.mjs OUT_DIR FILE.bpmn...');
  process.exit(2);
}
await mkdir(outDir, { recursive: true });
const moddle = new BpmnModdle({ zeebe });
let failed = false;
for (const file of files) {
  try {
    const { rootElement, warnings } = await moddle.fromXML(await readFile(file, 'utf8'), 'bpmn:Definitions');
    const { xml } = await moddle.toXML(rootElement, { format: true });
    await writeFile(join(outDir, basename(file)), xml);
    console.log(JSON.stringify({ file, warnings: warnings.map((w) => w.message) }));
  } catch (e) {
    failed = true;
    console.log(JSON.stringify({ file, error: String(e?.message ?? e) }));
  }
}
process.exit(failed ? 1 : 0);
