#!/usr/bin/env bash
# Broker allocation under a fixed load, to compare two builds of the Sluice broker (before/after):
#   benchmarks/broker-alloc.sh LABEL BROKER_JARS OUTDIR
# BROKER_JARS: the sluice-mock-broker and sluice-codec jars to test, colon-separated. Runs that broker
# (Kafka's benchmark JVM options, pinned to CPU 0) under JFR with per-second thread allocation
# statistics, while Kafka's ProducerPerformance then ConsumerPerformance (pinned to CPU 1) move
# 1 000 000 x 100 B records over 8 partitions; then prints the broker's CPU seconds, resident memory
# (VmRSS, VmHWM), its GC count and the bytes each broker thread allocated. Needs the classpath that bin/broker-bench caches
# (run bin/broker-bench once first). Wrap it in flock /work/bench.lock on a shared machine.
set -euo pipefail
if [[ $# -ne 3 ]]; then
  echo "usage: $0 LABEL BROKER_JARS OUTDIR" >&2
  exit 2
fi
label=$1; broker_jars=$2; out=$3
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
bench_cp=$(cat $root/benchmarks/target/broker-bench.classpath)
third_party=$(echo "$bench_cp" | tr ':' '\n' | grep -v '/sluice-' | paste -sd:)
tools_cp="$root/benchmarks/target/classes:$bench_cp"
mkdir -p "$out"; rm -rf "$out/data-$label"
# The JDK's "profile" settings, with thread allocation totals every second instead of once per chunk
# (the network threads are gone by the final chunk).
sed '/jdk.ThreadAllocationStatistics/,/<\/event>/s#<setting name="period">[^<]*<#<setting name="period">1 s<#' \
  "$java_home/lib/jfr/profile.jfc" > "$out/alloc.jfc"
port=$((20000 + RANDOM % 10000))
taskset -c 0 java -Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
  -XX:StartFlightRecording=filename=$out/$label.jfr,settings=$out/alloc.jfc,dumponexit=true \
  -cp "$broker_jars:$third_party" dev.sluice.broker.MockBrokerMain --host 127.0.0.1 --port $port \
  --data-dir "$out/data-$label" --config num.partitions=8 --config log.segment.bytes=1073741824 \
  > "$out/$label-broker.log" 2>&1 &
broker=$!
for i in $(seq 100); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
taskset -c 1 java -cp "$tools_cp" org.apache.kafka.tools.ProducerPerformance --topic alloc --num-records 1000000 \
  --record-size 100 --throughput -1 --producer-props bootstrap.servers=127.0.0.1:$port acks=1 2>/dev/null | tail -1
taskset -c 1 java -cp "$tools_cp" org.apache.kafka.tools.ConsumerPerformance --bootstrap-server 127.0.0.1:$port \
  --topic alloc --messages 1000000 --group alloc-g --timeout 30000 2>/dev/null | tail -1
cpu=$(awk '{print ($14+$15)/100}' /proc/$broker/stat)
memory=$(grep -E '^Vm(RSS|HWM)' /proc/$broker/status | tr -s ' \t' ' ' | paste -sd' ')
kill -TERM $broker; wait $broker || true
echo "$label broker CPU s: $cpu; $memory"
jfr print --events jdk.ThreadAllocationStatistics "$out/$label.jfr" > "$out/$label-alloc.txt"
jfr summary "$out/$label.jfr" | grep -E "GarbageCollection |ObjectAllocationSample " || true
python3 - "$out/$label-alloc.txt" "$label" <<'PY'
import re,sys
text=open(sys.argv[1]).read()
last={}
for m in re.finditer(r'allocated = ([\d.]+) (bytes|kB|MB|GB)\s+thread = "([^"]+)"', text):
    v=float(m.group(1))*{'bytes':1,'kB':1e3,'MB':1e6,'GB':1e9}[m.group(2)]
    last[m.group(3)]=max(last.get(m.group(3),0),v)
net=sum(v for t,v in last.items() if t.startswith('sluice-network'))
print(f"{sys.argv[2]}: network threads allocated {net/2**20:.1f} MiB, all threads {sum(last.values())/2**20:.1f} MiB")
for t,v in sorted(last.items(), key=lambda kv:-kv[1])[:6]: print(f"  {t}: {v/2**20:.1f} MiB")
PY
