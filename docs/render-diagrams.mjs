// Renders BPMN process diagrams and DMN decision requirements diagrams (DRDs)
// to PNG with bpmn-js / dmn-js in headless Chromium. Called by render-diagrams.sh,
// which installs the npm packages into a work directory outside the repository.
//
// usage: node docs/render-diagrams.mjs <work-dir-with-node_modules> <out-dir> <file.bpmn|file.dmn>...
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const [workDir, outDir, ...inputs] = process.argv.slice(2);
if (!workDir || !outDir || inputs.length === 0) {
  console.error('usage: node render-diagrams.mjs <work-dir> <out-dir> <file.bpmn|file.dmn>...');
  process.exit(2);
}

const require = createRequire(path.join(path.resolve(workDir), 'package.json'));
const { chromium } = require('playwright-core');
const pkgFile = (rel) => require.resolve(rel);

const SCALE = Number(process.env.RENDER_SCALE || 1.5);   // device pixels per diagram pixel
const MARGIN = Number(process.env.RENDER_MARGIN || 20);  // white margin around the diagram, diagram pixels
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const KINDS = {
  bpmn: {
    script: 'bpmn-js/dist/bpmn-viewer.production.min.js',
    styles: ['bpmn-js/dist/assets/diagram-js.css', 'bpmn-js/dist/assets/bpmn-js.css'],
    global: 'BpmnJS',
  },
  dmn: {
    script: 'dmn-js/dist/dmn-viewer.production.min.js',
    styles: ['dmn-js/dist/assets/diagram-js.css', 'dmn-js/dist/assets/dmn-js-shared.css',
      'dmn-js/dist/assets/dmn-js-drd.css'],
    global: 'DmnJS',
  },
};

// Runs in the page: import the XML and export the diagram as SVG
// (the same export the Camunda Modeler uses; cropped to the content).
async function exportSvg({ kind, global, xml }) {
  const Viewer = window[global];
  const container = document.getElementById('canvas');
  const viewer = new Viewer({ container });
  const result = await viewer.importXML(xml);
  const warnings = (result && result.warnings || []).map((w) => String(w.message || w));
  let target = viewer;
  if (kind === 'dmn') {
    const drd = viewer.getViews().find((v) => v.type === 'drd');
    if (!drd) return { svg: null, warnings: warnings.concat('no decision requirements diagram (DMNDI) in file') };
    if (viewer.getActiveView() !== drd) await viewer.open(drd);
    target = viewer.getActiveViewer();
  }
  const { svg } = await target.saveSVG();
  viewer.destroy();
  return { svg, warnings };
}

// Runs in the page: show the exported SVG as an image (page CSS does not apply
// to it, exactly like an <img> in the README) on white with a margin.
async function showSvg({ svg, margin }) {
  const img = new Image();
  const loaded = new Promise((resolve, reject) => { img.onload = resolve; img.onerror = () => reject(new Error('SVG did not load')); });
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
  await loaded;
  const w = Math.ceil(img.naturalWidth), h = Math.ceil(img.naturalHeight);
  document.body.innerHTML = '';
  const frame = document.createElement('div');
  frame.id = 'frame';
  frame.style.cssText = `display:inline-block;background:#fff;padding:${margin}px;line-height:0`;
  img.width = w; img.height = h;
  frame.appendChild(img);
  document.body.appendChild(frame);
  return { width: w + 2 * margin, height: h + 2 * margin };
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

let failed = 0;
const written = new Set();
try {
  const context = await browser.newContext({ deviceScaleFactor: SCALE, viewport: { width: 1600, height: 1200 } });
  for (const input of inputs) {
    const ext = path.extname(input).slice(1).toLowerCase();
    const kind = KINDS[ext];
    if (!kind) { console.error(`skip ${input}: not .bpmn or .dmn`); continue; }
    let name = path.basename(input, path.extname(input));
    if (written.has(name)) name += `-${ext}`;   // a process and a DMN file with the same name
    written.add(name);
    const out = path.join(outDir, `${name}.png`);

    const page = await context.newPage();
    try {
      page.on('pageerror', (e) => console.error(`  page error (${input}): ${e.message}`));
      await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8">'
        + '<style>html,body{margin:0;padding:0;background:#fff}#canvas{width:1600px;height:1200px}</style>'
        + '</head><body><div id="canvas"></div></body></html>');
      for (const css of kind.styles) await page.addStyleTag({ path: pkgFile(css) });
      await page.addScriptTag({ path: pkgFile(kind.script) });

      const xml = fs.readFileSync(input, 'utf8');
      const { svg, warnings } = await page.evaluate(exportSvg, { kind: ext, global: kind.global, xml });
      for (const w of warnings) console.error(`  warning (${input}): ${w}`);
      if (!svg) { console.error(`skip ${input}: nothing to render`); written.delete(name); continue; }

      const size = await page.evaluate(showSvg, { svg, margin: MARGIN });
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.locator('#frame').screenshot({ path: out, animations: 'disabled' });
      console.log(`${input} -> ${out} (${Math.round(size.width * SCALE)}x${Math.round(size.height * SCALE)} px)`);
    } catch (e) {
      failed++;
      console.error(`FAILED ${input}: ${e.message}`);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
