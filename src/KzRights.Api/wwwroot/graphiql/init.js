// Starts GraphiQL against this API's /graphql endpoint (all assets are served locally, no CDN).
(function () {
  var container = document.getElementById('graphiql');
  var fetcher = GraphiQL.createFetcher({ url: new URL(container.dataset.endpoint, window.location.href).toString() });
  var defaultQuery = [
    '# KzRights GraphQL: the same data as the REST API under /v1.',
    '# Lists are Relay connections: first (1-500, default 50) and after.',
    '{',
    '  documents(first: 5) {',
    '    totalCount',
    '    nodes {',
    '      id',
    '      title',
    '      paragraphs(first: 3) {',
    '        nodes { id number text }',
    '        pageInfo { hasNextPage endCursor }',
    '      }',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
  ReactDOM.createRoot(container).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery, defaultEditorToolsVisibility: true }));
})();
