#!/usr/bin/env python3
"""Writes a project with 1,000 metric declarations and 10,000 call sites into the directory given, for
measuring what the analyzers add to a build (docs/benchmarks.md, "Analyzer build-time overhead").
Usage: generate.py OUT_DIR [REPO_ROOT]"""
import os
import sys

out = sys.argv[1]
repo = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", ".."))
os.makedirs(out, exist_ok=True)
CLASSES, PER_CLASS = 10, 100          # 1,000 declarations
CALLERS, CALLS = 100, 100             # 10,000 call sites

with open(os.path.join(out, "Overhead.csproj"), "w") as f:
    f.write(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="{repo}/src/Runtime/Metrics.Generators.csproj" />
    <ProjectReference Include="{repo}/src/Generator/Metrics.Generators.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="{repo}/src/Analyzers/Metrics.Generators.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" Condition="'$(WithoutMetricsAnalyzers)' != 'true'" />
  </ItemGroup>
</Project>
""")


def kind(i):
    return ("counter", "gauge", "histogram")[i % 3]


lines = ["using Metrics.Generators;", "", "namespace Overhead;", "", "public enum Verb { Get, Post, Put, Delete }", ""]
for c in range(CLASSES):
    lines.append(f"public static partial class M{c}")
    lines.append("{")
    for p in range(PER_CLASS):
        i = c * PER_CLASS + p
        k = kind(i)
        if k == "counter":
            lines.append(f'    [Counter("m{i}_requests_total", Help = "Requests {i}.")]')
        elif k == "gauge":
            lines.append(f'    [Gauge("m{i}_jobs_in_flight", Help = "Jobs {i}.")]')
        else:
            lines.append(f'    [Histogram("m{i}_duration_seconds", Help = "Latency {i}.", Unit = "seconds", Buckets = [0.01, 0.1, 1])]')
        if k != "gauge":
            lines.append('    [Label<Verb>("method"), Label<string>("route", MaxValues = 20)]')
        lines.append(f"    public static partial T{i} P{i} {{ get; }}")
        lines.append("")
    lines.append("}")
    lines.append("")
with open(os.path.join(out, "Metrics.cs"), "w") as f:
    f.write("\n".join(lines))

lines = ["namespace Overhead;", ""]
for c in range(CALLERS):
    lines.append(f"public static class Caller{c}")
    lines.append("{")
    lines.append("    public static void Run(string route, Action work)")
    lines.append("    {")
    for n in range(CALLS):
        i = (c * CALLS + n) % (CLASSES * PER_CLASS)
        owner, k = f"M{i // PER_CLASS}.P{i}", kind(i)
        if k == "counter":
            lines.append(f"        {owner}.Inc(Verb.Get, route);")
        elif k == "gauge":
            lines.append(f"        using (var t{n} = {owner}.TrackInProgress()) {{ work(); }}" if n % 2 else f"        {owner}.Set({n});")
        else:
            lines.append(f"        {owner}.Observe(0.05, Verb.Post, \"/orders/{{id}}\");")
    lines.append("    }")
    lines.append("}")
    lines.append("")
with open(os.path.join(out, "Callers.cs"), "w") as f:
    f.write("\n".join(lines))
print("wrote", out)
