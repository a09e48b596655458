/*
 * The graph of a transaction's linked entities (transactions/linked.html), drawn with ECharts' graph series (served
 * from its WebJar) from the JSON the element carries in data-graph: the Content-Security-Policy refuses inline
 * scripts. The transaction's own entities sit in the middle, hop 1 on a ring around them and hop 2 on an outer ring,
 * each hop-2 entity next to the hop-1 entities it is linked to; an entity with fraud-labelled transactions is ringed in
 * the decline colour. Colours come from the console's CSS custom properties (through /js/charts.js), so the graph
 * follows the light or dark scheme, and is drawn again when the scheme changes. No tooltips (their inline style is
 * refused by the policy).
 */
(function () {
  'use strict';

  var KINDS = ['customer', 'card', 'device', 'email', 'ip'];
  var SYMBOLS = ['circle', 'rect', 'roundRect', 'triangle', 'diamond'];

  function palette() {
    var css = VigilCharts.css;
    return {
      fg: css('--fg', '#1d2330'),
      muted: css('--muted', '#5f6b7a'),
      line: css('--line', '#dde2ea'),
      surface: css('--surface', '#fff'),
      fraud: css('--decline', '#b3261e'),
      kinds: [css('--chart-1', '#2f6fdf'), css('--chart-2', '#c26a00'), css('--chart-3', '#7a5ab8'),
        css('--approve', '#1b7f3b'), css('--muted', '#5f6b7a')]
    };
  }

  function short(text) {
    return text.length > 16 ? text.substring(0, 15) + '…' : text;
  }

  /** Positions on rings: hop 0 in the middle, hop 1 around it, hop 2 outside next to their hop-1 neighbours. */
  function place(nodes, edges) {
    var byId = {};
    nodes.forEach(function (n) { byId[n.id] = n; });
    var rings = [[], [], []];
    nodes.forEach(function (n) { rings[Math.min(n.hop, 2)].push(n); });
    rings[0].forEach(function (n, i) {
      var a = 2 * Math.PI * i / rings[0].length;
      n.x = rings[0].length > 1 ? 90 * Math.cos(a) : 0;
      n.y = rings[0].length > 1 ? 90 * Math.sin(a) : 0;
      n.angle = a;
    });
    rings[1].forEach(function (n, i) {
      n.angle = 2 * Math.PI * i / rings[1].length;
      n.x = 260 * Math.cos(n.angle);
      n.y = 260 * Math.sin(n.angle);
    });
    rings[2].forEach(function (n) {
      var sx = 0, sy = 0;
      edges.forEach(function (e) {
        var other = e.source === n.id ? byId[e.target] : e.target === n.id ? byId[e.source] : null;
        if (other && other.hop === 1) {
          sx += Math.cos(other.angle);
          sy += Math.sin(other.angle);
        }
      });
      n.angle = Math.atan2(sy, sx);
    });
    rings[2].sort(function (a, b) { return a.angle - b.angle; });
    rings[2].forEach(function (n, i) {
      var a = rings[2][0].angle + 2 * Math.PI * i / rings[2].length;
      n.x = 430 * Math.cos(a);
      n.y = 430 * Math.sin(a);
    });
  }

  function option(graph, p) {
    place(graph.nodes, graph.edges);
    var data = graph.nodes.map(function (n) {
      var kind = Math.max(0, KINDS.indexOf(n.kind));
      return {
        id: n.id, name: n.id, x: n.x, y: n.y, category: kind, symbol: SYMBOLS[kind],
        symbolSize: n.hop === 0 ? 30 : n.hop === 1 ? 20 : 14,
        value: n.transactions,
        label: {show: true, formatter: short(n.label) + (n.fraud > 0 ? ' ⚠' + n.fraud : ''),
          color: n.fraud > 0 ? p.fraud : p.fg, fontWeight: n.hop === 0 || n.fraud > 0 ? 'bold' : 'normal'},
        itemStyle: n.fraud > 0 ? {borderColor: p.fraud, borderWidth: 4} : {borderColor: p.surface, borderWidth: 1}
      };
    });
    var links = graph.edges.map(function (e) {
      return {source: e.source, target: e.target, lineStyle: {width: Math.min(4, 1 + e.transactions / 2)}};
    });
    return {
      animation: false, backgroundColor: 'transparent', textStyle: {color: p.fg}, color: p.kinds,
      legend: {top: 0, data: KINDS, textStyle: {color: p.fg}},
      series: [{
        type: 'graph', layout: 'none', roam: true, top: 48, bottom: 24, left: 40, right: 150,
        categories: KINDS.map(function (k, i) { return {name: k, itemStyle: {color: p.kinds[i]}}; }),
        data: data, links: links,
        label: {position: 'right', fontSize: 11},
        lineStyle: {color: p.muted, opacity: 0.6, curveness: 0},
        emphasis: {focus: 'adjacency', lineStyle: {opacity: 1}}
      }]
    };
  }

  function draw(element) {
    var graph = JSON.parse(element.getAttribute('data-graph'));
    var chart = echarts.getInstanceByDom(element) || echarts.init(element);
    chart.setOption(option(graph, palette()), true);
    element.setAttribute('data-drawn', 'true');
  }

  VigilCharts.register('.link-graph[data-graph]', draw);
}());
