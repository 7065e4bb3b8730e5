#!/usr/bin/env bash
# Generator build-time overhead (issue 5): build time added by 1,000 declared metrics.
#
# Builds two projects from the same 1,000 declarations, each 3 times with --no-incremental after a warm-up build,
# alternating between them, and prints the median wall time of each:
#   with:    the declarations, compiled with our generator as an analyzer;
#   without: the generator's own output for those declarations saved as plain sources, compiled with no generator.
# Both compile exactly the same final program, so the difference is what the generator adds to a build.
# The runtime is referenced as a built DLL, so neither build re-checks the runtime project.
# Wall times on a shared machine are noisy, so a last build asks the compiler itself (ReportAnalyzer) how long
# the generator ran: that figure does not depend on what else the machine is doing at the time.
#
# Usage: benchmarks/generator-overhead/run.sh [metrics=1000] [runs=3]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
metrics="${1:-1000}"
runs="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build -c Release "$root/src/Runtime/Metrics.Generators.csproj" -v q -nologo >/dev/null
runtime="$root/src/Runtime/bin/Release/net10.0/Metrics.Generators.dll"
generator="$root/src/Generator/bin/Release/netstandard2.0/Metrics.Generators.Generator.dll"
test -f "$runtime" && test -f "$generator"

# $1 directory, $2 extra items
project() {
  mkdir -p "$1"
  cat > "$1/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <CompilerGeneratedFilesOutputPath>generated</CompilerGeneratedFilesOutputPath>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="Metrics.Generators" HintPath="$runtime" />
    <Compile Remove="generated/**" />
    $2
  </ItemGroup>
</Project>
XML
}

# 1,000 metrics in 10 classes: counters, gauges and histograms, a third of them labeled with an enum and a bounded string.
declarations() {
  {
    echo 'using Metrics.Generators;'
    echo 'namespace App;'
    echo 'public enum Verb { [LabelValue("GET")] Get, [LabelValue("POST")] Post }'
    for c in $(seq 0 9); do
      echo "public static partial class Metrics$c"
      echo '{'
      for m in $(seq 0 $((metrics / 10 - 1))); do
        i=$((c * (metrics / 10) + m))
        case $((i % 3)) in
          0) echo "    [Counter(\"app_m${i}_total\", Help = \"Metric $i.\")] [Label<Verb>(\"method\"), Label<string>(\"route\", MaxValues = 50)]"
             echo "    public static partial M${i}Total M$i { get; }" ;;
          1) echo "    [Gauge(\"app_m${i}\", Help = \"Metric $i.\")]"
             echo "    public static partial M${i}Gauge M$i { get; }" ;;
          2) echo "    [Histogram(\"app_m${i}_seconds\", Help = \"Metric $i.\", Buckets = [0.1, 0.5, 1])] [Label<Verb>(\"method\")]"
             echo "    public static partial M${i}Seconds M$i { get; }" ;;
        esac
      done
      echo '}'
    done
  } > "$1/Metrics.cs"
}

with="$work/with"
without="$work/without"
project "$with" "<Analyzer Include=\"$generator\" />"
declarations "$with"
dotnet build "$with/App.csproj" -c Release -v q -nologo >/dev/null

# The same program without the generator: the declarations plus what the generator emitted for them.
project "$without" ""
cp "$with/Metrics.cs" "$without/"
mkdir -p "$without/src"
find "$with/generated" -name '*.cs' -exec cp {} "$without/src/" \;
dotnet build "$without/App.csproj" -c Release -v q -nologo >/dev/null

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_build() {
  start=$(date +%s.%N)
  dotnet build "$1/App.csproj" -c Release --no-incremental -v q -nologo >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

# Interleaved, so that load which comes and goes on a shared machine falls on both sides alike.
with_times=""
without_times=""
for _ in $(seq 1 "$runs"); do
  with_times="$with_times $(time_build "$with")"
  without_times="$without_times $(time_build "$without")"
done
with_median=$(echo "$with_times" | tr ' ' '\n' | grep . | median)
without_median=$(echo "$without_times" | tr ' ' '\n' | grep . | median)
echo "metrics declared:            $metrics ($(find "$with/generated" -name '*.cs' | wc -l) generated files)"
echo "with generator (s):          $with_times  median $with_median"
echo "without generator (s):       $without_times  median $without_median"
echo "generator overhead (s):      $(echo "$with_median - $without_median" | bc)"

# The compiler's own account of the generator's time in one more build (immune to wall-clock noise).
dotnet build "$with/App.csproj" -c Release --no-incremental -v:d -nologo -p:ReportAnalyzer=true 2>&1 \
  | grep -E "generator execution time|^ *[0-9.]+ +[0-9<]+ +Metrics\.Generators\.Generator\.MetricsGenerator" | sed 's/^ *//' | sort -u | head -5 \
  | sed 's/^/compiler report:             /'
