#!/usr/bin/env bash
# Checks the deploy files without a container engine: the YAML parses, the Dockerfile's COPY sources exist, every
# configuration key set through the environment is one the API documents, every probe path is served, every port
# agrees (8080 in the image, the manifests, compose and nginx). nginx -t on nginx.conf runs in tests/ops/topology.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
. tests/ops/lib.sh

check "YAML parses (compose.yaml, k8s/*.yaml)" /usr/bin/python3 -c "
import yaml, glob
for f in ['deploy/compose.yaml'] + sorted(glob.glob('deploy/k8s/*.yaml')):
    docs = [d for d in yaml.safe_load_all(open(f)) if d]
    assert docs, f
    for d in docs:
        assert f.endswith('compose.yaml') or ('apiVersion' in d and 'kind' in d), f"

check "Dockerfile COPY sources exist" bash -c '
  grep -E "^COPY [^-]" deploy/Dockerfile | while read -r _ args; do
    set -- $args; n=$#; i=1
    for src in "$@"; do [ $i -lt $n ] && { [ -e "$src" ] || { echo "missing: $src"; exit 1; }; }; i=$((i + 1)); done
  done'

check "ENTRYPOINT names the project's assembly" bash -c '
  grep -q "\"KzRights.Api.dll\"" deploy/Dockerfile && [ -f src/KzRights.Api/KzRights.Api.csproj ] \
    && ! grep -q "<AssemblyName>" src/KzRights.Api/KzRights.Api.csproj'

check "commands used by the deploy files exist (ingest, probe)" bash -c '
  grep -q "args\[0\] == \"ingest\"" src/KzRights.Api/Program.cs && grep -q "args\[0\] == \"probe\"" src/KzRights.Api/Program.cs'

check "every configuration key set in the environment is documented in README.md" /usr/bin/python3 -c "
import re, glob, sys
text = ''.join(open(f).read() for f in ['deploy/Dockerfile', 'deploy/compose.yaml'] + glob.glob('deploy/k8s/*.yaml'))
keys = set(re.findall(r'\b([A-Z][A-Za-z]+(?:__[A-Z][A-Za-z]+)+)\b', text))
readme = open('README.md').read()
missing = [k for k in sorted(keys) if '\`' + k.replace('__', ':') + '\`' not in readme]
print('keys:', ', '.join(sorted(keys)))
sys.exit('undocumented: ' + ', '.join(missing) if missing else 0)"

check "probe and scrape paths are served by the API" bash -c '
  for path in $(grep -ohE "/(health/(live|ready)|metrics)" deploy/Dockerfile deploy/k8s/*.yaml | sort -u); do
    case $path in
      /metrics) grep -q "\"/metrics\"" src/KzRights.Api/Operations/Telemetry.cs ;;
      /health/*) grep -q "\"/${path#/health/}\"" src/KzRights.Api/Operations/HealthEndpoints.cs ;;
    esac || { echo "not served: $path"; exit 1; }
  done'

check "one port everywhere: 8080" bash -c '
  grep -q "ASPNETCORE_HTTP_PORTS=8080" deploy/Dockerfile && grep -q "EXPOSE 8080" deploy/Dockerfile \
    && grep -q "containerPort: 8080" deploy/k8s/deployment.yaml && grep -q "prometheus.io/port: \"8080\"" deploy/k8s/deployment.yaml \
    && [ "$(grep -c "server api[12]:8080" deploy/nginx/nginx.conf)" -eq 2 ]'

check "the Secret the manifests read is the one the example creates" bash -c '
  grep -q "name: kzrights-db" deploy/k8s/secret.example.yaml \
    && [ "$(grep -c "name: kzrights-db" deploy/k8s/deployment.yaml)" -eq 1 ] && [ "$(grep -c "name: kzrights-db" deploy/k8s/ingest-job.yaml)" -eq 1 ]'
ops_summary
