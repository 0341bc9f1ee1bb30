// render_html_check.js PAGE.html ENTITIES RELATIONS SCREENSHOT.png: opens kgmill's HTML page in
// headless Chromium (Debian's, through playwright-core from ../shared/tools) as a person would
// use it, and checks:
//   - it draws ENTITIES nodes and RELATIONS edges (the counts of `kgmill stats`), all visible;
//   - typing "ĐHQGHN" in the search box and pressing Enter selects VNU;
//   - a mouse click on VNU in the drawing shows its details with at least one evidence sentence
//     and the document it comes from;
//   - unticking a type in the legend hides exactly the nodes of that type;
//   - no request leaves the page, no JavaScript or console error;
//   - the screenshot is not blank (the PNG is decoded here and its colours counted).
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { req } = require(path.join(process.env.KGMILL_SHARED_DIR, 'tools/lib/kgv.js'));
const { chromium } = req('playwright-core');

const [file, wantNodes, wantEdges, shot] = process.argv.slice(2);
const failures = [];
const check = (ok, msg) => { if (!ok) failures.push(msg); else console.log(`  ok: ${msg}`); };

/** Decodes an 8-bit, non-interlaced RGB/RGBA PNG into {width, height, channels, pixels}. */
function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let pos = 8, width = 0, height = 0, depth = 0, type = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos), kind = buf.toString('latin1', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (kind === 'IHDR') {
      width = body.readUInt32BE(0); height = body.readUInt32BE(4); depth = body[8]; type = body[9];
      if (body[12] !== 0) throw new Error('interlaced PNG');
    } else if (kind === 'IDAT') idat.push(body);
    pos += 12 + len;
  }
  const channels = { 2: 3, 6: 4 }[type];
  if (depth !== 8 || !channels) throw new Error(`PNG colour type ${type} depth ${depth} not handled`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels, pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      pixels[y * stride + x] = v & 255;
    }
  }
  return { width, height, channels, pixels };
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [], outside = [];
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console error: ${m.text()}`); });
    page.on('request', (r) => { const u = r.url(); if (!/^(file|data|blob):/.test(u)) outside.push(u); });
    await page.route('**/*', (route) => (/^(file|data|blob):/.test(route.request().url()) ? route.continue() : route.abort()));
    await page.goto(`file://${path.resolve(file)}`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-drawn="1"]', { timeout: 30000 });

    const counts = await page.evaluate(() => {
      const cy = window.kgmillView.cy;
      const ext = cy.extent();
      const inView = cy.nodes('.entity').filter((n) => {
        const p = n.position();
        return p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
      }).length;
      return { nodes: cy.nodes('.entity').length, visible: cy.nodes('.entity:visible').length, inView,
        edges: cy.edges().length, visibleEdges: cy.edges(':visible').length };
    });
    check(counts.nodes === Number(wantNodes) && counts.visible === counts.nodes && counts.inView === counts.nodes,
      `draws ${counts.nodes} nodes (${counts.visible} visible, ${counts.inView} in view), the graph has ${wantNodes}`);
    check(counts.edges === Number(wantEdges) && counts.visibleEdges === counts.edges,
      `draws ${counts.edges} relations (${counts.visibleEdges} visible), the graph has ${wantEdges}`);

    // Search as a person types it.
    await page.click('#search');
    await page.keyboard.type('ĐHQGHN');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
    const picked = await page.evaluate(() => {
      const cy = window.kgmillView.cy, sel = cy.$('node.entity:selected');
      const n = sel.length === 1 ? window.kgmillView.data.nodes[sel.data('i')] : null;
      return { count: sel.length, name: n && n.name, aliases: n ? n.a || [] : [], info: document.querySelector('#info h2') ?
        document.querySelector('#info h2').textContent : null };
    });
    check(picked.count === 1 && (picked.aliases.includes('VNU') || picked.name === 'VNU') && picked.info === picked.name,
      `searching "ĐHQGHN" selects ${picked.name} (aliases: ${picked.aliases.join(', ')})`);

    // Clear, then click the node itself in the drawing.
    await page.keyboard.press('Escape');
    const where = await page.evaluate(() => {
      const cy = window.kgmillView.cy, sel = window.kgmillView.data.nodes;
      const i = sel.findIndex((n) => (n.a || []).includes('VNU'));
      const p = cy.getElementById('n' + i).renderedPosition(), box = cy.container().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y, infoHidden: document.getElementById('info').hidden };
    });
    check(where.infoHidden, 'Escape clears the selection');
    await page.mouse.click(where.x, where.y);
    await page.waitForTimeout(300);
    const shown = await page.evaluate(() => ({
      name: document.querySelector('#info h2') && document.querySelector('#info h2').textContent,
      hidden: document.getElementById('info').hidden,
      evidence: [...document.querySelectorAll('#info .evidence')].map((e) => e.firstChild.textContent),
      cites: [...document.querySelectorAll('#info .evidence cite')].map((e) => e.textContent),
      aliases: [...document.querySelectorAll('#info .alias')].map((e) => e.textContent),
    }));
    check(!shown.hidden && shown.name === picked.name, `clicking the node shows ${shown.name}`);
    check(shown.evidence.length >= 1 && shown.evidence.every((s) => s.trim().length > 10),
      `${shown.evidence.length} evidence sentences, e.g. "${(shown.evidence[0] || '').slice(0, 80)}…"`);
    check(shown.cites.length >= 1 && shown.cites.every((c) => /\.txt/.test(c)), `each with its document (${shown.cites[0]})`);
    check(shown.aliases.includes('VNU') && shown.aliases.includes('ĐHQGHN'), `aliases shown: ${shown.aliases.join(', ')}`);
    await page.keyboard.press('Escape');

    // The legend filters.
    const filtered = await page.evaluate(async () => {
      const rows = [...document.querySelectorAll('#types .filter')];
      const row = rows.find((r) => r.textContent.startsWith('Person'));
      if (!row) return null;
      const want = Number(row.querySelector('.n').textContent);
      const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const cy = window.kgmillView.cy;
      row.querySelector('input').click();
      await frames();
      const after = cy.nodes('.entity:visible').length;
      row.querySelector('input').click();
      await frames();
      return { want, after, back: cy.nodes('.entity:visible').length };
    });
    check(filtered && filtered.after === counts.nodes - filtered.want && filtered.back === counts.nodes,
      `unticking Person hides its ${filtered && filtered.want} nodes`);

    await page.evaluate(() => window.kgmillView.cy.fit(undefined, 30));
    await page.waitForTimeout(300);
    await page.screenshot({ path: shot });
    const png = decodePng(fs.readFileSync(shot));
    const colours = new Set();
    let inked = 0;
    const left = Math.floor(png.width * 0.3);  // the drawing, right of the side panel
    for (let y = 0; y < png.height; y += 2)
      for (let x = left; x < png.width; x += 2) {
        const o = (y * png.width + x) * png.channels;
        const r = png.pixels[o], g = png.pixels[o + 1], b = png.pixels[o + 2];
        colours.add((r << 16) | (g << 8) | b);
        if (r + g + b < 600) inked++;
      }
    check(colours.size >= 16 && inked >= 500,
      `screenshot ${shot} (${png.width}x${png.height}) is not blank: ${colours.size} colours, ${inked} inked samples in the drawing`);

    check(outside.length === 0, `no request left the page${outside.length ? ': ' + outside.slice(0, 5).join(' ') : ''}`);
    check(errors.length === 0, `no JavaScript or console errors${errors.length ? ': ' + errors.slice(0, 5).join(' | ') : ''}`);
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error(`FAIL:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
})().catch((e) => { console.error(e.stack || e.message); process.exit(1); });
