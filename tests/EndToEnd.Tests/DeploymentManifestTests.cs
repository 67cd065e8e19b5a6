using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Connector.Commercetools;
using Connector.Deploy;
using Connector.Domain.Contract;
using Connector.PayPal;
using Connector.Service;
using Connector.Service.Admin;
using Connector.Service.Configuration;
using Connector.Service.Health;
using Connector.Service.ApiExtension;
using Connector.Service.Events;
using Connector.Service.Reconciliation;
using Connector.Service.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;

namespace EndToEnd.Tests;

/// <summary>
/// The container image and Kubernetes manifests under <c>deploy/</c> against the code they deploy: ports, probe routes,
/// configuration variables (derived from the options types and the flat-variable mapping), secrets, pod hardening and
/// the commands of the Job and CronJobs. No cluster and no Docker: the files are parsed, and the service is started
/// in-process with the manifests' environment on a server that records its addresses instead of binding them.
/// </summary>
public sealed partial class DeploymentManifestTests
{
    private const string ServiceContainer = "connector";

    /// <summary>Variables read by the framework rather than by the connector's options (ASP.NET Core's port, the OTLP exporter).</summary>
    private static readonly string[] FrameworkVariables = ["ASPNETCORE_HTTP_PORTS", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL"];

    /// <summary>Options classes bound to a section without a <c>SectionName</c> constant (see their registrations).</summary>
    private static readonly Dictionary<Type, string> SectionsWithoutConstant = new()
    {
        [typeof(AdminOptions)] = "Connector",
        [typeof(DeployOptions)] = "Connector",
    };

    private static readonly Assembly[] OptionsAssemblies =
        [typeof(ConnectorOptions).Assembly, typeof(PayPalOptions).Assembly, typeof(CommercetoolsOptions).Assembly, typeof(DeployOptions).Assembly];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Root => NodeScript.RepositoryRoot;

    [Fact]
    public async Task The_container_port_is_the_port_the_service_listens_on()
    {
        var image = Dockerfile.Load();
        var connector = image.Stage("connector");
        var port = connector.Env.GetValueOrDefault("ASPNETCORE_HTTP_PORTS").ShouldNotBeNull("the image must set ASPNETCORE_HTTP_PORTS (the code sets no address)");
        connector.Exposed.ShouldBe([port]);

        var container = Container(Manifests.Single("Deployment"), ServiceContainer);
        var containerPort = Scalar(NamedPort(container, "http"), "containerPort");
        containerPort.ShouldBe(port);
        ExplicitEnv(container).GetValueOrDefault("ASPNETCORE_HTTP_PORTS", port).ShouldBe(port);

        // The Service and the Ingress reach the container through that named port.
        Scalar(Seq(Manifests.Single("Service"), "spec", "ports").Single(), "targetPort").ShouldBe("http");
        foreach (var backend in IngressPaths().Select(p => Get(p, "backend", "service")))
        {
            Scalar(backend, "name").ShouldBe(Name(Manifests.Single("Service")));
            Scalar(backend, "port", "name").ShouldBe("http");
        }

        // What Kestrel would be told to bind with the pod's environment (image ENV, ConfigMap, Secret, explicit env).
        var addresses = await StartServiceAsync(PodEnvironment(fillSecrets: true));
        addresses.ShouldNotBeEmpty();
        addresses.Select(a => a[(a.LastIndexOf(':') + 1)..]).Distinct().ShouldBe([port]);
        addresses.ShouldAllBe(a => !a.Contains("localhost", StringComparison.OrdinalIgnoreCase) && !a.Contains("127.0.0.1", StringComparison.Ordinal),
            "inside a pod the service must listen on every interface");
    }

    [Fact]
    public void The_probes_call_routes_the_service_maps_and_the_ingress_publishes_only_real_routes()
    {
        var routes = MappedRoutes();
        var container = Container(Manifests.Single("Deployment"), ServiceContainer);
        foreach (var (probe, path) in new[] { ("readinessProbe", "/ready"), ("livenessProbe", "/health") })
        {
            Scalar(container, probe, "httpGet", "path").ShouldBe(path);
            Scalar(container, probe, "httpGet", "port").ShouldBe("http");
            routes.ShouldContain((HttpMethods.Get, path), $"{probe} {path} is not a GET route of the service");
        }

        // /ready calls both upstream APIs; its timeout must outlast the connector's own bound on those calls.
        int.Parse(Scalar(container, "readinessProbe", "timeoutSeconds")!, CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan((int)ReadinessProbe.Timeout.TotalSeconds);

        var published = IngressPaths().Select(p => (Path: Scalar(p, "path")!, Type: Scalar(p, "pathType")!)).ToList();
        foreach (var (path, type) in published)
        {
            var matches = type == "Exact"
                ? routes.Any(r => r.Path == path)
                : routes.Any(r => r.Path == path || r.Path.StartsWith(path.TrimEnd('/') + "/", StringComparison.Ordinal));
            matches.ShouldBeTrue($"the Ingress publishes {path} ({type}), which the service does not map");
        }

        // What commercetools, PayPal and Pub/Sub call is published; the probes are not.
        foreach (var inbound in new[] { ExtensionEndpoints.Path, WebhookEndpoints.Path, EventEndpoints.Path })
        {
            published.ShouldContain(p => p.Path == inbound);
            routes.ShouldContain((HttpMethods.Post, inbound));
        }

        published.ShouldNotContain(p => p.Path == "/ready" || p.Path == "/health" || p.Path == "/");
    }

    [Fact]
    public void The_public_url_is_the_ingress_host_over_tls()
    {
        var ingress = Manifests.Single("Ingress");
        var host = Scalar(Seq(ingress, "spec", "rules").Single(), "host").ShouldNotBeNull();
        var tls = Seq(ingress, "spec", "tls").Single();
        Seq(tls, "hosts").Select(h => ((YamlScalarNode)h).Value).ShouldContain(host);
        Scalar(tls, "secretName").ShouldNotBeNullOrEmpty();

        var publicUrl = new Uri(ConfigMap()["CONNECTOR_PUBLIC_URL"]);
        publicUrl.Scheme.ShouldBe("https");
        publicUrl.Host.ShouldBe(host);
        new DeployOptions { PublicUrl = publicUrl.ToString() }.ExtensionUrl.AbsolutePath.ShouldBe(ExtensionEndpoints.Path);
    }

    [Fact]
    public void Every_required_setting_and_every_variable_of_the_readme_table_is_provided()
    {
        var provided = ConfigMap().Keys.Concat(Secret().Keys).ToHashSet(StringComparer.Ordinal);

        // [Required] without a usable default, for the service and for deploy (which reads the same ConfigMap and Secret).
        var required = OptionsTypes()
            .SelectMany(o => o.Type.GetProperties().Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null && IsEmptyByDefault(o.Type, p))
                .Select(p => $"{o.Section}:{p.Name}"))
            .ToList();
        required.ShouldContain("Connector:ExtensionAuthorization");
        required.ShouldContain("PayPal:ClientSecret");
        foreach (var key in required)
        {
            VariablesFor(key).ShouldContain(v => provided.Contains(v), $"{key} is required but neither {string.Join(" nor ", VariablesFor(key))} is set");
        }

        // Validated at start-up without an annotation: a PayPal host and commercetools hosts.
        provided.ShouldContain(v => v == "PAYPAL_ENVIRONMENT" || v == "PAYPAL_API_URL");
        provided.ShouldContain(v => v == "CTP_REGION" || v == "CTP_API_URL");

        var table = ReadmeConfigurationTable();
        table.Count.ShouldBeGreaterThan(15);
        foreach (var variable in table)
        {
            provided.ShouldContain(variable, $"README configuration table: {variable} is in neither the ConfigMap nor the Secret");
        }
    }

    [Fact]
    public void No_variable_is_set_that_the_code_does_not_read()
    {
        var known = KnownVariables();
        foreach (var (source, name) in AllSetVariables())
        {
            known.ContainsKey(name).ShouldBeTrue($"{source} sets {name}, which neither the options types nor the flat-variable mapping read");
        }

        // The flat variables fill keys that options types really have.
        var keys = OptionsTypes().SelectMany(o => OptionKeys(o.Type, o.Section)).Select(k => k.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in LegacyVariables.All)
        {
            keys.ShouldContain(key, $"{variable} maps to {key}, which no options type binds");
        }
    }

    [Fact]
    public void Secrets_are_only_in_the_secret_and_only_placeholders_are_committed()
    {
        var known = KnownVariables();
        foreach (var (name, _) in ConfigMap())
        {
            known.GetValueOrDefault(name).ShouldBeFalse($"{name} is a secret but is in the ConfigMap");
        }

        foreach (var (source, name) in AllSetVariables().Where(v => v.Source.EndsWith(" env", StringComparison.Ordinal)))
        {
            known.GetValueOrDefault(name).ShouldBeFalse($"{source} sets the secret {name} in plain text");
        }

        var secret = Secret();
        foreach (var (name, value) in secret)
        {
            known.GetValueOrDefault(name).ShouldBeTrue($"{name} is not a secret (or not read at all); put it in the ConfigMap");
            value.ShouldBeOneOf(["REPLACE-ME", ""], $"{name}: only placeholders belong in the repository");
        }

        // Every secret setting the code reads has its place in the Secret (by its flat name where it has one).
        foreach (var key in OptionsTypes().SelectMany(o => OptionKeys(o.Type, o.Section)).Select(k => k.Key).Where(k => known[ToVariable(k)]).Distinct())
        {
            VariablesFor(key).ShouldContain(v => secret.ContainsKey(v), $"the secret setting {key} has no entry in the Secret");
        }
    }

    [Fact]
    public async Task An_unfilled_secret_stops_the_service_at_start()
    {
        var failure = await Should.ThrowAsync<Exception>(() => StartServiceAsync(PodEnvironment(fillSecrets: false)));
        failure.ToString().ShouldContain("ExtensionAuthorization");
    }

    [Fact]
    public void Every_pod_runs_hardened_with_resources()
    {
        var pods = PodSpecs().ToList();
        pods.Count.ShouldBe(4, "Deployment, deploy Job and two reconcile CronJobs");
        foreach (var (owner, pod) in pods)
        {
            Scalar(pod, "securityContext", "runAsNonRoot").ShouldBe("true", owner);
            int.Parse(Scalar(pod, "securityContext", "runAsUser") ?? "0", CultureInfo.InvariantCulture).ShouldBeGreaterThan(0, owner);
            Scalar(pod, "securityContext", "seccompProfile", "type").ShouldBe("RuntimeDefault", owner);
            Scalar(pod, "automountServiceAccountToken").ShouldBe("false", owner);
            Scalar(pod, "serviceAccountName").ShouldBe(Name(Manifests.Single("ServiceAccount")), owner);

            var emptyDirs = Seq(pod, "volumes").Where(v => Get(v, "emptyDir") is not null).Select(v => Scalar(v, "name")).ToHashSet();
            foreach (var container in Seq(pod, "containers"))
            {
                var where = $"{owner}/{Scalar(container, "name")}";
                Scalar(container, "securityContext", "allowPrivilegeEscalation").ShouldBe("false", where);
                Scalar(container, "securityContext", "readOnlyRootFilesystem").ShouldBe("true", where);
                Scalar(container, "securityContext", "runAsNonRoot").ShouldBe("true", where);
                Seq(container, "securityContext", "capabilities", "drop").Select(c => ((YamlScalarNode)c).Value).ShouldContain("ALL", where);
                Get(container, "securityContext", "capabilities", "add").ShouldBeNull(where);
                foreach (var kind in new[] { "requests", "limits" })
                {
                    foreach (var resource in new[] { "cpu", "memory" })
                    {
                        Scalar(container, "resources", kind, resource).ShouldNotBeNullOrEmpty($"{where}: resources.{kind}.{resource}");
                    }
                }

                // The only writable place is /tmp, and it is an emptyDir.
                foreach (var mount in Seq(container, "volumeMounts"))
                {
                    Scalar(mount, "mountPath").ShouldBe("/tmp", where);
                    emptyDirs.ShouldContain(Scalar(mount, "name"), where);
                }

                Seq(container, "envFrom").Select(e => Scalar(e, "configMapRef", "name") ?? Scalar(e, "secretRef", "name"))
                    .ShouldBe([Name(Manifests.Single("ConfigMap")), Name(Manifests.Single("Secret"))], ignoreOrder: true, where);
            }
        }

        // The images run as the same numeric non-root user, and only the build stage has an SDK.
        var image = Dockerfile.Load();
        foreach (var stage in new[] { image.Stage("connector"), image.Stage("deploy") })
        {
            stage.User.ShouldNotBeNull(stage.Name);
            Regex.IsMatch(stage.User, "^[1-9][0-9]*(:[1-9][0-9]*)?$").ShouldBeTrue($"{stage.Name}: USER must be numeric and not root, was {stage.User}");
            stage.User.Split(':')[0].ShouldBe(Scalar(pods[0].Pod, "securityContext", "runAsUser"));
            image.BaseImageOf(stage).ShouldNotContain("/sdk");
        }

        image.Text.ShouldNotMatch("(?i)(SECRET|PASSWORD|TOKEN|AUTHORIZATION)[A-Z_]*=", "no secret is baked into the image");
    }

    [Fact]
    public void The_service_is_sized_from_the_benchmark_it_names()
    {
        var text = File.ReadAllText(ManifestPath("deployment.yaml"));
        var bench = BenchFileRegex().Match(text);
        bench.Success.ShouldBeTrue("deployment.yaml must say which benchmark its resources come from");
        var results = File.ReadAllText(Path.Combine(Root, bench.Value));
        var peak = int.Parse(PeakMemoryRegex().Match(results).Groups[1].Value, CultureInfo.InvariantCulture);
        peak.ShouldBeGreaterThan(0);

        var container = Container(Manifests.Single("Deployment"), ServiceContainer);
        var request = Mebibytes(Scalar(container, "resources", "requests", "memory")!);
        var limit = Mebibytes(Scalar(container, "resources", "limits", "memory")!);
        request.ShouldBeGreaterThanOrEqualTo(peak, $"memory request below the measured peak of {peak} MiB ({bench.Value})");
        limit.ShouldBeGreaterThan(request);
        text.ShouldContain($"{peak} MiB");
    }

    [Fact]
    public void The_jobs_run_real_subcommands_of_the_images_they_use()
    {
        var image = Dockerfile.Load();
        image.Stage("connector").Entrypoint.ShouldBe([$"/app/{typeof(ConnectorApp).Assembly.GetName().Name}"]);
        image.Stage("deploy").Entrypoint.ShouldBe([$"/app/{typeof(DeployOptions).Assembly.GetName().Name}"]);
        var serviceImage = Scalar(Container(Manifests.Single("Deployment"), ServiceContainer), "image");

        var cronJobs = Manifests.All("CronJob").ToList();
        cronJobs.Count.ShouldBe(2);
        var known = KnownVariables();
        foreach (var cronJob in cronJobs)
        {
            var container = Seq(cronJob, "spec", "jobTemplate", "spec", "template", "spec", "containers").Single();
            Scalar(container, "image").ShouldBe(serviceImage, "reconcile is a subcommand of the service binary");
            Get(container, "command").ShouldBeNull("the image's entrypoint is the binary; the CronJob passes arguments only");
            var args = Seq(container, "args").Select(a => ((YamlScalarNode)a).Value!).ToArray();
            ReconcileCommand.Matches(args).ShouldBeTrue($"{Name(cronJob)}: {string.Join(' ', args)}");
            var now = DateTimeOffset.UtcNow;
            for (var i = 1; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--deep":
                        break;
                    case "--since":
                        (i + 1 < args.Length && ReconcileCommand.ParseSince(args[++i], now) is not null).ShouldBeTrue($"{Name(cronJob)}: bad --since");
                        break;
                    default:
                        var setting = ConfigurationArgRegex().Match(args[i]);
                        setting.Success.ShouldBeTrue($"{Name(cronJob)}: unknown argument {args[i]}");
                        known.ShouldContainKey(setting.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal), $"{Name(cronJob)}: {args[i]}");
                        break;
                }
            }

            Scalar(cronJob, "spec", "concurrencyPolicy").ShouldBe("Forbid");
        }

        // Connector.Deploy accepts exactly the commands its Program tests for.
        var program = File.ReadAllText(Path.Combine(Root, "src", "Connector.Deploy", "Program.cs"));
        var accepted = QuotedRegex().Matches(DeployCommandsRegex().Match(program).Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
        accepted.ShouldContain("deploy");
        var job = Manifests.Single("Job");
        var deployContainer = Seq(job, "spec", "template", "spec", "containers").Single();
        var jobArgs = Seq(deployContainer, "args").Select(a => ((YamlScalarNode)a).Value!).ToList();
        jobArgs.ShouldBe(["deploy"]);
        accepted.ShouldContain(jobArgs[0]);
        Scalar(deployContainer, "image").ShouldNotBe(serviceImage);
        Scalar(job, "spec", "template", "spec", "restartPolicy").ShouldBe("Never");

        // The image names are the ones the kustomizations point at a registry.
        KustomizationImages(ManifestRoot).ShouldBe([serviceImage]);
        KustomizationImages(Path.GetDirectoryName(ManifestFiles().Single(f => LoadYaml(f).Any(d => Scalar(d, "kind") == "Job")))!)
            .ShouldBe([Scalar(deployContainer, "image")]);
    }

    private static List<string?> KustomizationImages(string directory) =>
        [.. Seq(LoadYaml(Path.Combine(directory, "kustomization.yaml")).Single(), "images").Select(i => Scalar(i, "name"))];

    [Fact]
    public void The_pubsub_subscription_pushes_to_the_events_route_with_its_secret()
    {
        var script = File.ReadAllText(Path.Combine(Root, "deploy", "pubsub", "create-push-subscription.sh"));
        script.ShouldContain($"events_path=\"{EventEndpoints.Path}\"");
        script.ShouldContain("endpoint=\"${CONNECTOR_PUBLIC_URL%/}${events_path}?token=${CONNECTOR_EVENTS_SECRET}\"");
        script.ShouldNotContain("--push-no-wrapper", customMessage: "the endpoint parses Pub/Sub's push envelope");

        // The variables it reads are the deployment's own, and the token is the one the events endpoint checks.
        LegacyVariables.All.ShouldContain(("CONNECTOR_EVENTS_SECRET", $"{EventsOptions.SectionName}:{nameof(EventsOptions.EventsSecret)}"));
        foreach (var variable in ScriptVariableRegex().Matches(script).Select(m => m.Groups[1].Value).Distinct())
        {
            (ConfigMap().ContainsKey(variable) || Secret().ContainsKey(variable)).ShouldBeTrue($"the script reads {variable}, which the deployment does not define");
        }
    }

    [Fact]
    public void Every_manifest_is_part_of_a_kustomization()
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kustomization in Directory.GetFiles(ManifestRoot, "kustomization.yaml", SearchOption.AllDirectories))
        {
            var dir = Path.GetDirectoryName(kustomization)!;
            var doc = LoadYaml(kustomization).Single();
            foreach (var resource in Seq(doc, "resources").Select(r => ((YamlScalarNode)r).Value!))
            {
                var path = Path.GetFullPath(Path.Combine(dir, resource));
                File.Exists(path).ShouldBeTrue($"{kustomization} lists {resource}, which does not exist");
                listed.Add(path);
            }

            Scalar(doc, "namespace").ShouldBe("paypal-connector");
        }

        foreach (var file in ManifestFiles())
        {
            listed.ShouldContain(Path.GetFullPath(file), $"{file} is in no kustomization");
        }
    }

    // ---- the service, started in-process ----

    /// <summary>Starts the service with the given environment as a pod would see it; returns the addresses it would bind.</summary>
    private static async Task<IReadOnlyList<string>> StartServiceAsync(IReadOnlyDictionary<string, string> environment)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["urls"] = "" }; // no ASPNETCORE_URLS in the image
        foreach (var (name, value) in environment)
        {
            if (name.StartsWith("ASPNETCORE_", StringComparison.Ordinal))
            {
                settings[name["ASPNETCORE_".Length..]] = value; // ASP.NET Core's own prefix rule for host settings
            }
            else if (name.Contains("__", StringComparison.Ordinal))
            {
                settings[name.Replace("__", ":", StringComparison.Ordinal)] = value; // the environment provider's rule
            }
        }

        foreach (var (key, value) in LegacyVariables.Read(environment.GetValueOrDefault))
        {
            settings[key] = value;
        }

        if (environment.GetValueOrDefault(AdminOptions.TokenVariable) is { Length: > 0 } token)
        {
            settings[AdminTokenKey] = token;
        }

        await using var app = ConnectorApp.Build([.. settings.Select(s => $"--{s.Key}={s.Value}")],
            builder => builder.Services.AddSingleton<IServer, AddressRecordingServer>());
        await app.StartAsync(Ct);
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.ToList();
        await app.StopAsync(Ct);
        return addresses;
    }

    /// <summary>The service's routes (method, path), from the app the tests and <c>Program</c> build.</summary>
    private static HashSet<(string Method, string Path)> MappedRoutes()
    {
        var app = ConnectorApp.Build([.. PodEnvironmentAsArguments()]);
        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .ToHashSet();
        routes.ShouldNotBeEmpty();
        return routes;
    }

    private static IEnumerable<string> PodEnvironmentAsArguments() =>
        LegacyVariables.Read(PodEnvironment(fillSecrets: true).GetValueOrDefault).Select(kv => $"--{kv.Key}={kv.Value}");

    /// <summary>A server that binds nothing and only keeps the addresses the host hands it.</summary>
    private sealed class AddressRecordingServer : IServer
    {
        public IFeatureCollection Features { get; } = NewFeatures();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }

        private static FeatureCollection NewFeatures()
        {
            var features = new FeatureCollection();
            features.Set<IServerAddressesFeature>(new ServerAddressesFeature());
            return features;
        }
    }

    // ---- configuration variables ----

    /// <summary>The connector's pod environment: image ENV, ConfigMap, Secret (placeholders filled or not), explicit env.</summary>
    private static Dictionary<string, string> PodEnvironment(bool fillSecrets)
    {
        var environment = new Dictionary<string, string>(Dockerfile.Load().Stage("connector").Env, StringComparer.Ordinal);
        foreach (var (name, value) in ConfigMap())
        {
            environment[name] = value;
        }

        foreach (var (name, value) in Secret())
        {
            environment[name] = fillSecrets && value == "REPLACE-ME" ? Convert.ToHexString(Guid.NewGuid().ToByteArray()) : value;
        }

        foreach (var (name, value) in ExplicitEnv(Container(Manifests.Single("Deployment"), ServiceContainer)))
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>Every variable name the code reads → whether it holds a secret.</summary>
    private static Dictionary<string, bool> KnownVariables()
    {
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, section) in OptionsTypes())
        {
            foreach (var (key, isList) in OptionKeys(type, section))
            {
                var secret = SecretNameRegex().IsMatch(key[(key.LastIndexOf(':') + 1)..]);
                byKey[key] = secret;
                var variable = key.Replace(":", "__", StringComparison.Ordinal);
                known[variable] = secret;
                if (isList)
                {
                    for (var i = 0; i < 10; i++)
                    {
                        known[$"{variable}__{i}"] = secret;
                    }
                }
            }
        }

        foreach (var (variable, key) in LegacyVariables.All)
        {
            known[variable] = byKey.GetValueOrDefault(key);
        }

        known[AdminOptions.TokenVariable] = true;
        foreach (var variable in FrameworkVariables)
        {
            known[variable] = false;
        }

        // Case: configuration keys ignore it, the flat variables do not; add the case variants of the former.
        foreach (var (name, secret) in known.Where(k => k.Key.Contains("__", StringComparison.Ordinal)).ToList())
        {
            known[name.ToUpperInvariant()] = secret;
        }

        return known;
    }

    /// <summary>The options classes of the connector and of deploy, each with the section it is bound to.</summary>
    private static List<(Type Type, string Section)> OptionsTypes()
    {
        var types = new List<(Type, string)>();
        foreach (var type in OptionsAssemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Options", StringComparison.Ordinal)))
        {
            var section = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
                ?? SectionsWithoutConstant.GetValueOrDefault(type);
            section.ShouldNotBeNull($"{type.Name}: add the section it is bound to (no SectionName constant)");
            types.Add((type, section));
        }

        types.Count.ShouldBeGreaterThanOrEqualTo(10);
        return types;
    }

    /// <summary>The configuration keys of an options class: its public settable properties (a list binds as key:0, key:1, ...).</summary>
    private static IEnumerable<(string Key, bool IsList)> OptionKeys(Type type, string section) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => ($"{section}:{p.Name}", p.PropertyType != typeof(string) && p.PropertyType.IsAssignableTo(typeof(System.Collections.IEnumerable))));

    private static bool IsEmptyByDefault(Type type, PropertyInfo property) =>
        property.GetValue(Activator.CreateInstance(type)) is null or "";

    /// <summary>The variables that fill a configuration key: its flat name(s) and its double-underscore form.</summary>
    private static List<string> VariablesFor(string key) =>
    [
        .. LegacyVariables.All.Where(v => string.Equals(v.Key, key, StringComparison.OrdinalIgnoreCase)).Select(v => v.Variable),
        .. string.Equals(key, AdminTokenKey, StringComparison.OrdinalIgnoreCase) ? [AdminOptions.TokenVariable] : Array.Empty<string>(),
        ToVariable(key),
    ];

    private static string ToVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>The key <see cref="AdminOptions.TokenVariable"/> fills (read by the admin registration, not the flat-variable mapping).</summary>
    private const string AdminTokenKey = "Connector:" + nameof(AdminOptions.AdminToken);

    /// <summary>(where, name) of every variable the manifests set: ConfigMap, Secret and explicit env of every container.</summary>
    private static IEnumerable<(string Source, string Name)> AllSetVariables()
    {
        foreach (var name in ConfigMap().Keys)
        {
            yield return ("ConfigMap", name);
        }

        foreach (var name in Secret().Keys)
        {
            yield return ("Secret", name);
        }

        foreach (var (owner, pod) in PodSpecs())
        {
            foreach (var container in Seq(pod, "containers"))
            {
                foreach (var name in ExplicitEnv(container).Keys)
                {
                    yield return ($"{owner} env", name);
                }
            }
        }

        foreach (var name in Dockerfile.Load().Stages.SelectMany(s => s.Env.Keys))
        {
            yield return ("Dockerfile", name);
        }
    }

    /// <summary>The variables of the README's configuration table: the flat names, or for rows without one the keys' variable form.</summary>
    private static List<string> ReadmeConfigurationTable()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| variable | configuration key |", StringComparison.Ordinal));
        header.ShouldBeGreaterThan(0, "README configuration table not found");
        var variables = new List<string>();
        foreach (var line in lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Split('|');
            var names = BacktickRegex().Matches(cells[1]).Select(m => m.Groups[1].Value).ToList();
            if (names.Count > 0)
            {
                variables.AddRange(names);
                continue;
            }

            var previous = "";
            foreach (var key in BacktickRegex().Matches(cells[2]).Select(m => m.Groups[1].Value).Where(k => k != "..."))
            {
                var full = key.StartsWith(':') ? previous[..previous.LastIndexOf(':')] + key : key;
                variables.Add(full.Replace(":", "__", StringComparison.Ordinal));
                previous = full;
            }
        }

        return variables;
    }

    // ---- manifests ----

    private static string ManifestRoot => Path.Combine(Root, "deploy", "kubernetes");

    private static string ManifestPath(string name) => Path.Combine(ManifestRoot, name);

    private static IEnumerable<string> ManifestFiles() =>
        Directory.GetFiles(ManifestRoot, "*.yaml", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "kustomization.yaml").Order(StringComparer.Ordinal);

    private static List<YamlMappingNode> LoadYaml(string path)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(path));
        stream.Load(reader);
        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()];
    }

    private static class Manifests
    {
        private static readonly Lazy<List<YamlMappingNode>> Documents = new(() => [.. ManifestFiles().SelectMany(LoadYaml)]);

        public static IEnumerable<YamlMappingNode> All(string kind) => Documents.Value.Where(d => Scalar(d, "kind") == kind);

        public static YamlMappingNode Single(string kind)
        {
            var all = All(kind).ToList();
            all.Count.ShouldBe(1, $"expected one {kind}");
            return all[0];
        }
    }

    private static Dictionary<string, string> ConfigMap() => StringMap(Get(Manifests.Single("ConfigMap"), "data"));

    private static Dictionary<string, string> Secret()
    {
        var secret = Manifests.Single("Secret");
        var values = StringMap(Get(secret, "stringData"));
        foreach (var (name, value) in StringMap(Get(secret, "data")))
        {
            values[name] = Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }

        return values;
    }

    private static Dictionary<string, string> StringMap(YamlNode? node) =>
        node is YamlMappingNode map
            ? map.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>(kind/name, pod spec) of the Deployment, Jobs and CronJobs.</summary>
    private static IEnumerable<(string Owner, YamlNode Pod)> PodSpecs()
    {
        foreach (var kind in new[] { "Deployment", "Job" })
        {
            foreach (var doc in Manifests.All(kind))
            {
                yield return ($"{kind}/{Name(doc)}", Get(doc, "spec", "template", "spec")!);
            }
        }

        foreach (var doc in Manifests.All("CronJob"))
        {
            yield return ($"CronJob/{Name(doc)}", Get(doc, "spec", "jobTemplate", "spec", "template", "spec")!);
        }
    }

    private static YamlNode Container(YamlNode workload, string name) =>
        Seq(workload, "spec", "template", "spec", "containers").Single(c => Scalar(c, "name") == name);

    private static YamlNode NamedPort(YamlNode container, string name) => Seq(container, "ports").Single(p => Scalar(p, "name") == name);

    private static Dictionary<string, string> ExplicitEnv(YamlNode container)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in Seq(container, "env"))
        {
            Get(item, "valueFrom").ShouldBeNull("env takes its values from the ConfigMap and Secret through envFrom");
            env[Scalar(item, "name")!] = Scalar(item, "value") ?? "";
        }

        return env;
    }

    private static IEnumerable<YamlNode> IngressPaths() =>
        Seq(Manifests.Single("Ingress"), "spec", "rules").SelectMany(r => Seq(r, "http", "paths"));

    private static string? Name(YamlNode doc) => Scalar(doc, "metadata", "name");

    private static YamlNode? Get(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is YamlMappingNode map ? map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value : null;
        }

        return node;
    }

    private static string? Scalar(YamlNode? node, params string[] path) => (Get(node, path) as YamlScalarNode)?.Value;

    private static IEnumerable<YamlNode> Seq(YamlNode? node, params string[] path) => Get(node, path) is YamlSequenceNode seq ? seq.Children : [];

    private static int Mebibytes(string quantity)
    {
        var match = QuantityRegex().Match(quantity);
        match.Success.ShouldBeTrue($"unsupported memory quantity {quantity}");
        var value = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "Gi" => (int)(value * 1024),
            "Mi" => (int)value,
            "G" => (int)(value * 1_000_000_000 / (1024 * 1024)),
            "M" => (int)(value * 1_000_000 / (1024 * 1024)),
            _ => (int)(value / (1024 * 1024)),
        };
    }

    // ---- the Dockerfile ----

    private sealed record DockerStage(string Name, string From, Dictionary<string, string> Env, List<string> Exposed, string? User, List<string> Entrypoint);

    private sealed record Dockerfile(string Text, List<DockerStage> Stages, Dictionary<string, string> Args)
    {
        public DockerStage Stage(string name) => Stages.Single(s => s.Name == name);

        /// <summary>The image a stage starts from, following <c>ARG</c> defaults and earlier stages.</summary>
        public string BaseImageOf(DockerStage stage)
        {
            var from = ArgReferenceRegex().Replace(stage.From, m => Args.GetValueOrDefault(m.Groups[1].Value, m.Value));
            return Stages.FirstOrDefault(s => s.Name == from) is { } parent ? BaseImageOf(parent) : from;
        }

        public static Dockerfile Load()
        {
            var text = File.ReadAllText(Path.Combine(Root, "deploy", "Dockerfile"));
            var instructions = ContinuationRegex().Replace(text, " ").Split('\n')
                .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
            var stages = new List<DockerStage>();
            var args = new Dictionary<string, string>(StringComparer.Ordinal);
            DockerStage? current = null;
            foreach (var line in instructions)
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                var (op, rest) = (line[..space].ToUpperInvariant(), line[(space + 1)..].Trim());
                switch (op)
                {
                    case "ARG" when current is null && rest.Split('=', 2) is [var name, var value]:
                        args[name] = value;
                        break;
                    case "FROM":
                        var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        current = new DockerStage(parts.Length == 3 ? parts[2] : $"stage{stages.Count}", parts[0], [], [], null, []);
                        stages.Add(current);
                        break;
                    case "ENV":
                        foreach (var pair in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)))
                        {
                            current!.Env[pair[0]] = pair[1].Trim('"');
                        }

                        break;
                    case "EXPOSE":
                        current!.Exposed.AddRange(rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('/')[0]));
                        break;
                    case "USER":
                        current = current! with { User = rest };
                        stages[^1] = current;
                        break;
                    case "ENTRYPOINT":
                        current!.Entrypoint.AddRange(QuotedRegex().Matches(rest).Select(m => m.Groups[1].Value));
                        break;
                }
            }

            stages.Count.ShouldBeGreaterThanOrEqualTo(3);
            stages[^1].Name.ShouldBe("connector", "the service must be the default (last) target");
            return new Dockerfile(text, stages, args);
        }
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuationRegex();

    [GeneratedRegex(@"\$\{?(\w+)\}?")]
    private static partial Regex ArgReferenceRegex();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex QuotedRegex();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex BacktickRegex();

    [GeneratedRegex("(Secret|Password|Token|Authorization)$")]
    private static partial Regex SecretNameRegex();

    [GeneratedRegex(@"^--([A-Za-z][\w:]*)=.+$")]
    private static partial Regex ConfigurationArgRegex();

    [GeneratedRegex(@"command is not \(([^)]*)\)")]
    private static partial Regex DeployCommandsRegex();

    [GeneratedRegex(@"\$\{([A-Z][A-Z0-9_]+)(?::\?|%|\})")]
    private static partial Regex ScriptVariableRegex();

    [GeneratedRegex(@"bench/results/[\w.-]+\.md")]
    private static partial Regex BenchFileRegex();

    [GeneratedRegex(@"\baot (\d+) MiB")]
    private static partial Regex PeakMemoryRegex();

    [GeneratedRegex(@"^(\d+)(Gi|Mi|G|M)?$")]
    private static partial Regex QuantityRegex();
}
