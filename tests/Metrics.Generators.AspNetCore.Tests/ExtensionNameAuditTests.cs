using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using Metrics.Generators.Data;
using Microsoft.AspNetCore.Builder;
using OpenTelemetry.Metrics;

namespace Metrics.Generators.AspNetCore.Tests;

/// <summary>
/// Our public extension methods must not share a name with one of the platform's or a peer's: with implicit usings a
/// same-named method of Microsoft.Extensions.* wins overload resolution silently (<c>AddMetrics()</c> bound to
/// Microsoft.Extensions.Diagnostics'), and prometheus-net or OpenTelemetry users who migrate keep their usings.
/// </summary>
public sealed class ExtensionNameAuditTests
{
    private static readonly string[] PeerPackages =
    [
        "OpenTelemetry",
        "OpenTelemetry.Extensions.Hosting",
        "OpenTelemetry.Exporter.OpenTelemetryProtocol",
        "OpenTelemetry.Exporter.Prometheus.AspNetCore",
        "Microsoft.Extensions.Telemetry.Abstractions",
        "prometheus-net",
        "prometheus-net.AspNetCore",
    ];

    [Fact]
    public void No_public_extension_method_of_ours_shares_a_name_with_the_shared_frameworks_or_peer_packages()
    {
        var ours = new[] { typeof(MetricRegistry).Assembly, typeof(MetricServer).Assembly, typeof(DatabaseMetrics).Assembly, typeof(MetricsGeneratorsMeterProviderBuilderExtensions).Assembly }
            .SelectMany(assembly => assembly.GetExportedTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => method.IsDefined(typeof(ExtensionAttribute), inherit: false))
            .Select(method => (method.Name, Owner: $"{method.DeclaringType!.FullName}.{method.Name}"))
            .ToArray();
        Assert.NotEmpty(ours);
        Assert.Contains(ours, method => method.Name == "AddMetricsGeneratorsInstrumentation");

        var peers = PeerAssemblyFiles()
            .SelectMany(file => PublicExtensionMethodNames(file).Select(name => (Name: name, File: Path.GetFileName(file))))
            .ToLookup(peer => peer.Name, peer => peer.File, StringComparer.Ordinal);

        // The audit is only as good as its peer set: a broken path must fail it, not pass it empty.
        Assert.Contains("AddMetrics", peers.Select(group => group.Key));     // Microsoft.Extensions.Diagnostics
        Assert.Contains("WithMetrics", peers.Select(group => group.Key));    // OpenTelemetry.Extensions.Hosting
        Assert.Contains("MapMetrics", peers.Select(group => group.Key));     // prometheus-net.AspNetCore
        Assert.Contains("AddMetricServer", peers.Select(group => group.Key)); // prometheus-net.AspNetCore

        var collisions = ours
            .Where(method => peers.Contains(method.Name))
            .Select(method => $"{method.Owner} (also in {string.Join(", ", peers[method.Name].Distinct().Order(StringComparer.Ordinal))})")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(collisions.Length == 0, "Extension methods named like a platform or peer method:\n" + string.Join("\n", collisions));
    }

    private static IEnumerable<string> PeerAssemblyFiles()
    {
        var frameworks = new[] { typeof(object).Assembly.Location, typeof(WebApplication).Assembly.Location }
            .Select(location => Path.GetDirectoryName(location)!)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var packages = typeof(ExtensionNameAuditTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(attribute => attribute.Key.StartsWith("PeerPackage:", StringComparison.Ordinal))
            .ToDictionary(attribute => attribute.Key["PeerPackage:".Length..], attribute => attribute.Value, StringComparer.Ordinal);

        var files = new List<string>();
        foreach (var framework in frameworks)
        {
            var dlls = Directory.GetFiles(framework, "*.dll");
            Assert.True(dlls.Length > 50, $"The shared framework at {framework} holds only {dlls.Length} assemblies.");
            files.AddRange(dlls);
        }

        foreach (var package in PeerPackages)
        {
            Assert.True(packages.TryGetValue(package, out var root) && !string.IsNullOrEmpty(root), $"No package path for {package}: is it a PackageReference with GeneratePathProperty?");
            var dlls = Directory.GetFiles(Path.Combine(root!, "lib"), "*.dll", SearchOption.AllDirectories);
            Assert.True(dlls.Length > 0, $"Package {package} at {root} has no assemblies under lib/.");
            files.AddRange(dlls);
        }

        return files;
    }

    /// <summary>Reads the names of the public static methods marked [Extension] in public types, without loading the assembly.</summary>
    private static IEnumerable<string> PublicExtensionMethodNames(string file)
    {
        using var stream = File.OpenRead(file);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            return [];
        }

        var reader = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            if ((type.Attributes & System.Reflection.TypeAttributes.VisibilityMask) != System.Reflection.TypeAttributes.Public)
            {
                continue;
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                if ((method.Attributes & MethodAttributes.MemberAccessMask) == MethodAttributes.Public
                    && (method.Attributes & MethodAttributes.Static) != 0
                    && method.GetCustomAttributes().Any(handle => IsExtensionAttribute(reader, reader.GetCustomAttribute(handle))))
                {
                    names.Add(reader.GetString(method.Name));
                }
            }
        }

        return names;
    }

    private static bool IsExtensionAttribute(MetadataReader reader, CustomAttribute attribute)
    {
        var parent = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return parent.Kind switch
        {
            HandleKind.TypeReference => IsExtension(reader, reader.GetTypeReference((TypeReferenceHandle)parent).Namespace, reader.GetTypeReference((TypeReferenceHandle)parent).Name),
            HandleKind.TypeDefinition => IsExtension(reader, reader.GetTypeDefinition((TypeDefinitionHandle)parent).Namespace, reader.GetTypeDefinition((TypeDefinitionHandle)parent).Name),
            _ => false,
        };
    }

    private static bool IsExtension(MetadataReader reader, StringHandle @namespace, StringHandle name)
        => reader.StringComparer.Equals(name, "ExtensionAttribute") && reader.StringComparer.Equals(@namespace, "System.Runtime.CompilerServices");
}
