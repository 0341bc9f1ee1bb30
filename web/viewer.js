// kgmill HTML viewer: inlined into every page by `kgmill render -o FILE.html`, after
// Cytoscape.js (web/package.json) and the graph (<script type="application/json" id="kg-data">).
//
// The page draws the positions kgmill computed (preset layout: no layout work here), and offers
//   - search over names and aliases, ignoring case, accents and punctuation the way kgmill
//     matches names (ONTOLOGY.md): "ĐHQGHN", "dhqghn" and "Đại học Quốc gia Hà Nội" all work;
//     Enter selects the best match;
//   - filters by entity type and relation type (the legend: untick to hide);
//   - a click on a node: its aliases, its relations, and the evidence sentences with their
//     documents; a click on a related name moves there.
// Everything is built with textContent / DOM calls, never innerHTML: names and sentences are
// data. window.kgmillView exposes the Cytoscape instance and a few calls for tests and scripts.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('kg-data').textContent);
  var nodes = data.nodes, edges = data.edges;
  var big = nodes.length > 2000 || edges.length > 5000;
  var view = (window.kgmillView = { data: data, firstDrawMs: null, selected: null });

  // ---- text matching (kgmill's match_key: NFC, case fold, no diacritics, đ→d, letters+digits)
  function key(s) {
    s = String(s).normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
    s = s.replace(/^\s*the\s+/, '');
    return s.replace(/[^\p{L}\p{N}]+/gu, '');
  }

  // ---- elements
  var els = [];
  data.groups.forEach(function (label, i) {
    if (label) els.push({ group: 'nodes', data: { id: 'g' + i, label: label }, classes: 'group', selectable: false });
  });
  // Labels: every node's in a small graph; in a big one the 200 busiest at first, then those in
  // view once the zoom makes them legible (measuring 10,000 labels would double the drawing time).
  var labelled = {};
  if (big) {
    nodes.map(function (n, i) { return i; }).sort(function (a, b) { return nodes[b].d - nodes[a].d || a - b; })
      .slice(0, 200).forEach(function (i) { labelled[i] = true; });
  }
  // Styles go by class (type t0…, size class s0…s8, relation r0…, width w1…), not by per-element
  // data: Cytoscape shares a computed style among elements with the same classes.
  nodes.forEach(function (n, i) {
    var d = { id: 'n' + i, i: i, label: n.name };
    if (n.g !== undefined && data.groups[n.g]) d.parent = 'g' + n.g;
    els.push({ group: 'nodes', data: d, position: { x: n.x, y: n.y },
      classes: 'entity t' + n.t + ' s' + n.b + (data.focus === i ? ' focus' : '') + (!big || labelled[i] ? ' lab' : '') });
  });
  edges.forEach(function (e, i) {
    var rt = data.relations[e.r];
    var w = Math.round(2 * Math.min(6, rt.width * (1 + 0.35 * Math.log2(Math.max(1, e.w)))));
    els.push({ group: 'edges', data: { id: 'e' + i, i: i, source: 'n' + e.s, target: 'n' + e.t, label: e.y || '' },
      classes: 'r' + e.r + ' w' + w + (e.sym ? ' sym' : '') + (!big && e.y ? ' lab' : '') });
  });

  var cy = null;  // created by draw(), after the side panel is up

  // ---- header
  document.getElementById('title').textContent = data.title;
  document.getElementById('note').textContent = data.note || '';
  var countEl = document.getElementById('count');
  function updateCount() {
    // From the filters, not from the drawn style (Cytoscape applies class styles lazily).
    var shown = 0, rels = 0;
    nodes.forEach(function (n) { if (!hiddenTypes[n.t]) shown++; });
    edges.forEach(function (e) {
      if (!hiddenRels[e.r] && !hiddenTypes[nodes[e.s].t] && !hiddenTypes[nodes[e.t].t]) rels++;
    });
    countEl.textContent = shown.toLocaleString('en') + ' of ' + nodes.length.toLocaleString('en') + ' nodes, ' +
      rels.toLocaleString('en') + ' relations shown' +
      (nodes.length < data.graph.nodes ? ' (graph: ' + data.graph.nodes.toLocaleString('en') + ' entities)' : '');
  }

  // ---- legend and filters
  var SVGNS = 'http://www.w3.org/2000/svg';
  var SHAPES = {
    'round-rectangle': 'M3,1H15Q17,1 17,3V9Q17,11 15,11H3Q1,11 1,9V3Q1,1 3,1Z',
    'rectangle': 'M1,1H17V11H1Z',
    'octagon': 'M5,1H13L17,4V8L13,11H5L1,8V4Z',
    'hexagon': 'M4,1H14L17,6L14,11H4L1,6Z',
    'pentagon': 'M9,0L17,5V11H1V5Z',
    'rhomboid': 'M5,1H17L13,11H1Z',
    'ellipse': 'M1,6A8,5 0 1,0 17,6A8,5 0 1,0 1,6Z',
    'barrel': 'M3,1H15Q17,6 15,11H3Q1,6 3,1Z',
    'diamond': 'M9,0L17,6L9,12L1,6Z',
    'cut-rectangle': 'M4,1H14L17,4V8L14,11H4L1,8V4Z',
    'tag': 'M1,1H13L17,6L13,11H1Z',
    'bottom-round-rectangle': 'M1,1H17V8Q17,11 14,11H4Q1,11 1,8Z'
  };
  function svg(w, h) {
    var s = document.createElementNS(SVGNS, 'svg');
    s.setAttribute('width', w); s.setAttribute('height', h); s.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    return s;
  }
  function typeSwatch(ty) {
    var s = svg(18, 12), p = document.createElementNS(SVGNS, 'path');
    p.setAttribute('d', SHAPES[ty.shape] || SHAPES.ellipse);
    p.setAttribute('fill', ty.color); p.setAttribute('stroke', '#333');
    if (ty.border === 'dashed') p.setAttribute('stroke-dasharray', '2,1.5');
    if (ty.border === 'double') p.setAttribute('stroke-width', '2');
    s.appendChild(p);
    return s;
  }
  function relSwatch(rt) {
    var s = svg(30, 12), l = document.createElementNS(SVGNS, 'line');
    l.setAttribute('x1', 1); l.setAttribute('y1', 6); l.setAttribute('x2', 29); l.setAttribute('y2', 6);
    l.setAttribute('stroke', rt.color); l.setAttribute('stroke-width', Math.max(1.5, rt.width));
    if (rt.dash === 'dashed') l.setAttribute('stroke-dasharray', '5,3');
    if (rt.dash === 'dotted') l.setAttribute('stroke-dasharray', '1.5,2.5');
    s.appendChild(l);
    return s;
  }
  var hiddenTypes = {}, hiddenRels = {};
  function applyFilters() {
    updateCount();
    if (!cy) return;
    cy.batch(function () {
      cy.nodes('.entity').forEach(function (n) {
        n.toggleClass('hidden', !!hiddenTypes[nodes[n.data('i')].t]);
      });
      cy.edges().forEach(function (e) {
        e.toggleClass('hidden', !!hiddenRels[edges[e.data('i')].r]);
      });
      cy.nodes('.group').forEach(function (g) {
        g.toggleClass('hidden', g.children().filter(function (c) { return !c.hasClass('hidden'); }).length === 0);
      });
    });
  }
  function filterRow(container, label, count, swatch, onChange, cls) {
    var row = document.createElement('label'), box = document.createElement('input'), name = document.createElement('span'),
        n = document.createElement('span');
    row.className = 'filter ' + cls;
    box.type = 'checkbox'; box.checked = true;
    box.addEventListener('change', function () { onChange(!box.checked); applyFilters(); });
    name.textContent = label;
    n.className = 'n'; n.textContent = count.toLocaleString('en');
    row.appendChild(box); row.appendChild(swatch); row.appendChild(name); row.appendChild(n);
    container.appendChild(row);
  }
  var typesEl = document.getElementById('types'), relsEl = document.getElementById('relations');
  data.types.forEach(function (ty, i) {
    filterRow(typesEl, ty.name, ty.count, typeSwatch(ty), function (h) { hiddenTypes[i] = h; }, 'type');
  });
  data.relations.forEach(function (rt, i) {
    filterRow(relsEl, rt.name, rt.count, relSwatch(rt), function (h) { hiddenRels[i] = h; }, 'relation');
  });
  if (!data.relations.length) relsEl.textContent = 'none';

  // ---- details of the selected node
  var info = document.getElementById('info');
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  var incident = null;  // node index -> [edge index]
  function incidentEdges(i) {
    if (!incident) {
      incident = nodes.map(function () { return []; });
      edges.forEach(function (e, k) { incident[e.s].push(k); if (e.t !== e.s) incident[e.t].push(k); });
    }
    return incident[i];
  }
  function showInfo(i) {
    var n = nodes[i], ty = data.types[n.t];
    info.replaceChildren();
    var close = el('button', 'close', '×');
    close.title = 'Close';
    close.addEventListener('click', clearSelection);
    info.appendChild(close);
    info.appendChild(el('h2', 'name', n.name));
    var meta = ty.name + (n.c ? ' · ' + n.c : '') + ' · ' + n.d + (n.d === 1 ? ' relation' : ' relations');
    info.appendChild(el('p', 'meta', meta));
    if (n.a && n.a.length) {
      info.appendChild(el('h3', null, 'Also known as'));
      var ul = el('ul', 'aliases');
      n.a.forEach(function (a) { ul.appendChild(el('li', 'alias', a)); });
      info.appendChild(ul);
    }
    var ks = incidentEdges(i).slice().sort(function (a, b) {
      var ea = edges[a], eb = edges[b];
      if (ea.r !== eb.r) return ea.r - eb.r;
      var oa = nodes[ea.s === i ? ea.t : ea.s].name, ob = nodes[eb.s === i ? eb.t : eb.s].name;
      return oa < ob ? -1 : oa > ob ? 1 : a - b;
    });
    info.appendChild(el('h3', null, 'Relations (' + ks.length + ')'));
    var list = el('ul', 'relations');
    var limit = 300;
    ks.slice(0, limit).forEach(function (k) {
      var e = edges[k], rt = data.relations[e.r], out = e.s === i, other = out ? e.t : e.s;
      var li = el('li', 'relation');
      var head = el('div');
      var t = el('span', 'rtype', rt.name);
      t.style.color = rt.color;
      head.appendChild(t);
      head.appendChild(document.createTextNode(e.sym ? ' — ' : out ? ' → ' : ' ← '));
      var link = el('button', 'other', nodes[other].name);
      link.addEventListener('click', function () { select(other, true); });
      head.appendChild(link);
      var props = [];
      if (e.p) Object.keys(e.p).forEach(function (p) { props.push(p + ': ' + e.p[p]); });
      if (e.w > 1) props.push(e.w + ' statements');
      if (props.length) head.appendChild(el('span', 'props', ' (' + props.join(', ') + ')'));
      li.appendChild(head);
      e.ev.forEach(function (ev) {
        var q = el('blockquote', 'evidence', data.sentences[ev[1]]);
        q.appendChild(el('cite', null, data.docs[ev[0]] + ' · ' + ev[3] + ' · confidence ' + ev[2]));
        li.appendChild(q);
      });
      if (e.more) li.appendChild(el('div', 'more', '… and ' + e.more + ' more statements'));
      list.appendChild(li);
    });
    info.appendChild(list);
    if (ks.length > limit) info.appendChild(el('p', 'more', '… and ' + (ks.length - limit) + ' more relations'));
    info.hidden = false;
    info.scrollIntoView({ block: 'nearest' });
  }
  function clearSelection() {
    if (cy) cy.batch(function () { cy.elements().removeClass('faded'); cy.elements().unselect(); });
    info.hidden = true;
    view.selected = null;
  }
  function select(i, center) {
    view.selected = i;
    showInfo(i);
    if (!cy) return;  // drawn later: draw() selects it then
    var node = cy.getElementById('n' + i);
    if (!node.nonempty()) return;
    cy.batch(function () {
      cy.elements().unselect();
      node.select();
      var near = node.closedNeighborhood();
      cy.elements().not(near).not('.group').addClass('faded');
      near.removeClass('faded');
      near.nodes('.entity').addClass('lab');
    });
    if (center) cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 });
  }

  // ---- search
  var input = document.getElementById('search'), results = document.getElementById('results');
  var current = [];
  function search(q) {
    var k = key(q);
    if (!k) return [];
    var hits = [];
    nodes.forEach(function (n, i) {
      var best = 9, via = null;
      n.k.forEach(function (nk, j) {
        var r = nk === k ? (j === 0 ? 0 : 1) : nk.indexOf(k) === 0 ? 2 : nk.indexOf(k) > 0 ? 3 : 9;
        if (r < best) { best = r; via = j === 0 ? null : n.a[j - 1]; }
      });
      if (best < 9) hits.push({ i: i, rank: best, via: via });
    });
    hits.sort(function (a, b) { return a.rank - b.rank || nodes[b.i].d - nodes[a.i].d || a.i - b.i; });
    return hits;
  }
  function showResults() {
    results.replaceChildren();
    current = search(input.value).slice(0, 12);
    if (!current.length && key(input.value)) {
      results.appendChild(el('li', 'none', 'no match'));
      return;
    }
    current.forEach(function (h, idx) {
      var n = nodes[h.i], li = el('li', idx === 0 ? 'active' : '', n.name);
      li.setAttribute('role', 'option');
      li.appendChild(el('span', 'sub', data.types[n.t].name + (h.via ? ' · also “' + h.via + '”' : '')));
      li.addEventListener('click', function () { choose(h.i); });
      results.appendChild(li);
    });
  }
  function choose(i) {
    results.replaceChildren();
    var t = nodes[i].t;
    if (hiddenTypes[t]) {  // a search result is always shown
      hiddenTypes[t] = false;
      typesEl.querySelectorAll('input')[t].checked = true;
      applyFilters();
    }
    select(i, true);
  }
  input.addEventListener('input', showResults);
  input.addEventListener('keydown', function (evt) {
    if (evt.key === 'Enter') {
      var hits = current.length ? current : search(input.value);
      if (hits.length) choose(hits[0].i);
    } else if (evt.key === 'Escape') {
      input.value = '';
      results.replaceChildren();
      clearSelection();
    }
  });

  document.addEventListener('keydown', function (evt) {
    if (evt.key === 'Escape' && evt.target !== input) clearSelection();
  });

  view.search = function (q) { return search(q).map(function (h) { return nodes[h.i].id; }); };
  view.select = function (id) {
    for (var i = 0; i < nodes.length; i++) if (nodes[i].id === id) { select(i, true); return true; }
    return false;
  };
  view.selectedId = function () { return view.selected === null ? null : nodes[view.selected].id; };

  var labelTimer = null;
  function labelsInView() {
    clearTimeout(labelTimer);
    labelTimer = setTimeout(function () {
      if (cy.zoom() < 0.5) return;
      var ext = cy.extent(), todo = cy.nodes('.entity').filter(function (n) {
        var p = n.position();
        return !n.hasClass('lab') && p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
      });
      if (todo.length) todo.slice(0, 3000).addClass('lab');
    }, 150);
  }

  function styles() {
    var st = [
      { selector: 'node.entity', style: { 'border-width': 1, 'border-color': '#333' } },
      { selector: 'node.lab', style: {
        label: 'data(label)', 'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 2,
        'text-wrap': 'wrap', 'min-zoomed-font-size': 6, color: '#222',
        'text-background-color': '#fff', 'text-background-opacity': 0.65, 'text-background-padding': 1 } },
      { selector: 'edge', style: {
        'curve-style': big ? 'haystack' : 'bezier', 'target-arrow-shape': big ? 'none' : 'triangle',
        'arrow-scale': 0.7, opacity: 0.85 } },
      { selector: 'edge.sym', style: { 'target-arrow-shape': 'none' } },
      { selector: 'edge.lab', style: {
        label: 'data(label)', 'font-size': 8, color: '#444', 'min-zoomed-font-size': 8,
        'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': 1 } }
    ];
    data.types.forEach(function (ty, i) {
      st.push({ selector: 'node.t' + i, style: { shape: ty.shape, 'background-color': ty.color,
        'border-style': ty.border === 'double' ? 'double' : ty.border, 'border-width': ty.border === 'double' ? 3 : 1 } });
    });
    for (var b = 0; b <= 8; b++) {  // size classes: the same formulas as render_html.cpp
      var fs = 10 + 1.25 * b;
      st.push({ selector: 'node.s' + b, style: { width: 12 + 6 * b, height: 12 + 6 * b, 'font-size': fs, 'text-max-width': fs * 10 } });
    }
    data.relations.forEach(function (rt, i) {
      st.push({ selector: 'edge.r' + i, style: { 'line-color': rt.color, 'target-arrow-color': rt.color, 'line-style': rt.dash } });
    });
    for (var w = 1; w <= 12; w++) st.push({ selector: 'edge.w' + w, style: { width: w / 2 } });
    st.push(
      { selector: 'node.focus', style: { 'border-width': 3, 'border-color': '#000', 'font-weight': 'bold' } },
      { selector: 'node.group', style: {
        'background-color': '#f4f4f4', 'border-color': '#bbb', 'border-width': 1, shape: 'round-rectangle',
        label: 'data(label)', 'text-valign': 'top', 'text-halign': 'center', 'font-size': 14, color: '#444', padding: 12 } },
      { selector: 'node.entity:selected', style: {
        'border-width': 4, 'border-color': '#000', 'underlay-color': '#ffcc00', 'underlay-padding': 6, 'underlay-opacity': 0.9 } },
      { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
      { selector: '.hidden', style: { display: 'none' } });
    return st;
  }

  // The whole drawing in view, from the positions alone (cy.fit() would first compute every
  // element's style and label box: seconds for 10,000 nodes).
  function fitAll() {
    if (!nodes.length) return;
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    nodes.forEach(function (n) {
      var r = (12 + 6 * n.b) / 2;
      x0 = Math.min(x0, n.x - r); x1 = Math.max(x1, n.x + r);
      y0 = Math.min(y0, n.y - r); y1 = Math.max(y1, n.y + r + 14);
    });
    var w = cy.width(), h = cy.height(), pad = 30;
    var z = Math.min((w - 2 * pad) / Math.max(1, x1 - x0), (h - 2 * pad) / Math.max(1, y1 - y0));
    z = Math.max(cy.minZoom(), Math.min(z, 2));
    cy.viewport({ zoom: z, pan: { x: (w - z * (x0 + x1)) / 2, y: (h - z * (y0 + y1)) / 2 } });
  }
  view.fit = function () { if (cy) fitAll(); };

  function draw() {
    cy = cytoscape({
      container: document.getElementById('cy'),
      elements: els,
      layout: { name: 'preset', fit: false },
      minZoom: 0.01,
      maxZoom: 6,
      boxSelectionEnabled: false,
      textureOnViewport: big,
      hideEdgesOnViewport: big,
      motionBlur: false,
      pixelRatio: big ? 1 : 'auto',
      style: styles()
    });
    fitAll();
    view.cy = cy;
    cy.one('render', function () {
      view.firstDrawMs = performance.now();
      document.documentElement.setAttribute('data-drawn', '1');
    });
    cy.on('tap', 'node.entity', function (evt) { select(evt.target.data('i'), false); });
    cy.on('tap', function (evt) { if (evt.target === cy) clearSelection(); });
    if (big) cy.on('viewport', labelsInView);
    if (Object.keys(hiddenTypes).length || Object.keys(hiddenRels).length) applyFilters();
    if (view.selected !== null) select(view.selected, true);
  }


  updateCount();
  if (!nodes.length) {
    document.getElementById('cy').textContent = 'Nothing to draw: no entity matches the filters.';
    document.documentElement.setAttribute('data-drawn', '1');
  } else if (big) {
    // Let the browser show the side panel (and fire 'load') before the long drawing.
    countEl.textContent = 'drawing ' + nodes.length.toLocaleString('en') + ' nodes…';
    setTimeout(function () { draw(); updateCount(); }, 0);
  } else {
    draw();
  }
})();
