// deploy/k8s checked without a cluster: every manifest parsed, and everything that must agree does
// — container ports with the flags and the images, environment variables with the flags the
// binaries define, files with the volumes they are mounted from, Services with their Deployments'
// named ports, budgets and autoscalers with their Deployments, the security context with the
// image's user. A live service with TLS and tokens then answers the probes, run as the manifests
// run them.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/grpc_server.h"
#include "gtest/gtest.h"
#include "tests/support/binary_flags.h"
#include "tests/support/buf_curl.h"
#include "tests/support/dockerfile.h"
#include "tests/support/image_root.h"
#include "tests/support/running_services.h"
#include "tests/support/source_tree.h"
#include "tests/support/test_certificates.h"
#include "tests/support/yaml_files.h"

namespace laurel {
namespace {

namespace fs = std::filesystem;

struct Manifest {
  std::string file;
  YAML::Node object;
};

// A scalar as text; "" for a missing or non-scalar node.
std::string Str(const YAML::Node& node) {
  return node && node.IsScalar() ? node.as<std::string>() : "";
}

// A Kubernetes quantity as a number: "250m" → 0.25, "1" → 1, "128Mi" → 134217728.
double Quantity(const std::string& text) {
  static const std::vector<std::pair<std::string, double>> kSuffixes = {
      {"Ki", 1024.0}, {"Mi", 1024.0 * 1024}, {"Gi", 1024.0 * 1024 * 1024}, {"m", 0.001}};
  for (const auto& [suffix, factor] : kSuffixes) {
    if (absl::EndsWith(text, suffix)) {
      double value = 0;
      EXPECT_TRUE(absl::SimpleAtod(absl::StripSuffix(text, suffix), &value)) << text;
      return value * factor;
    }
  }
  double value = 0;
  EXPECT_TRUE(absl::SimpleAtod(text, &value)) << text;
  return value;
}

// Whether every label `selector` asks for is among `labels`.
bool Selects(const YAML::Node& selector, const YAML::Node& labels) {
  if (!selector || selector.size() == 0) return false;
  for (const auto& entry : selector) {
    if (Str(labels[entry.first.as<std::string>()]) != entry.second.as<std::string>()) return false;
  }
  return true;
}

// What an exec probe asks laurel-health about: the --service of its command, "" for the whole
// server.
std::string ProbedService(const YAML::Node& probe) {
  std::string service;
  for (const YAML::Node& word : probe["exec"]["command"]) {
    if (absl::StartsWith(Str(word), "--service=")) service = Str(word).substr(10);
  }
  return service;
}

class K8sManifestsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& entry : fs::directory_iterator(testing::SourcePath("deploy/k8s"))) {
      if (entry.path().extension() != ".yaml") continue;
      auto documents = testing::LoadYamlDocuments(entry.path());
      ASSERT_TRUE(documents.ok()) << documents.status();
      for (const YAML::Node& document : *documents) {
        manifests_.push_back({entry.path().filename().string(), document});
      }
    }
    auto dockerfile_text = testing::ReadFile(testing::SourcePath("deploy/docker/Dockerfile"));
    ASSERT_TRUE(dockerfile_text.ok());
    auto dockerfile = testing::Dockerfile::Parse(*dockerfile_text);
    ASSERT_TRUE(dockerfile.ok()) << dockerfile.status();
    dockerfile_ = *dockerfile;
  }

  std::vector<YAML::Node> OfKind(const std::string& kind) const {
    std::vector<YAML::Node> found;
    for (const Manifest& manifest : manifests_) {
      if (Str(manifest.object["kind"]) == kind) found.push_back(manifest.object);
    }
    return found;
  }

  YAML::Node Named(const std::string& kind, const std::string& name) const {
    for (const YAML::Node& object : OfKind(kind)) {
      if (Str(object["metadata"]["name"]) == name) return object;
    }
    return YAML::Node();
  }

  // The binary a container runs: `laurel/TARGET` images run TARGET, or laurel-migrate for
  // `migrate`.
  std::string BinaryOf(const YAML::Node& container) const {
    const std::string command = Str(container["args"][0]);
    if (command == "migrate") return testing::ToolBinary("laurel-migrate");
    if (command == "ingest-service") return testing::IngestServiceBinary();
    if (command == "query-service") return testing::QueryServiceBinary();
    ADD_FAILURE() << "unknown container command " << command;
    return "";
  }

  // The LAUREL_* environment a container gets: its ConfigMaps, then its own env entries.
  std::map<std::string, std::string> EnvironmentOf(const YAML::Node& container) const {
    std::map<std::string, std::string> environment;
    for (const YAML::Node& source : container["envFrom"]) {
      const std::string name = Str(source["configMapRef"]["name"]);
      const YAML::Node config_map = Named("ConfigMap", name);
      EXPECT_TRUE(config_map) << "no ConfigMap " << name;
      for (const auto& entry : config_map["data"]) {
        environment[entry.first.as<std::string>()] = entry.second.as<std::string>();
      }
    }
    for (const YAML::Node& variable : container["env"]) {
      if (variable["value"]) {
        environment[Str(variable["name"])] = Str(variable["value"]);
        continue;
      }
      const YAML::Node reference = variable["valueFrom"]["secretKeyRef"];
      const YAML::Node secret = Named("Secret", Str(reference["name"]));
      EXPECT_TRUE(secret) << "no Secret " << Str(reference["name"]);
      EXPECT_TRUE(secret["stringData"][Str(reference["key"])])
          << "Secret " << Str(reference["name"]) << " has no key " << Str(reference["key"]);
      environment[Str(variable["name"])] = Str(secret["stringData"][Str(reference["key"])]);
    }
    return environment;
  }

  // The containerPort named `name` of `container`; -1 when none.
  static int NamedPort(const YAML::Node& container, const std::string& name) {
    for (const YAML::Node& port : container["ports"]) {
      if (Str(port["name"]) == name) return port["containerPort"].as<int>();
    }
    return -1;
  }

  std::vector<Manifest> manifests_;
  testing::Dockerfile dockerfile_;
};

TEST_F(K8sManifestsTest, KustomizationListsEveryManifestAndTheImages) {
  auto kustomization =
      testing::LoadYamlDocuments(testing::SourcePath("deploy/k8s/kustomization.yaml"));
  ASSERT_TRUE(kustomization.ok()) << kustomization.status();
  std::set<std::string> listed, files;
  for (const YAML::Node& resource : (*kustomization)[0]["resources"]) {
    listed.insert(resource.as<std::string>());
  }
  for (const Manifest& manifest : manifests_) {
    if (manifest.file != "kustomization.yaml") files.insert(manifest.file);
  }
  EXPECT_EQ(listed, files);
  for (const YAML::Node& image : (*kustomization)[0]["images"]) {
    const std::string name = Str(image["name"]);
    ASSERT_TRUE(absl::StartsWith(name, "laurel/")) << name;
    EXPECT_NE(dockerfile_.Stage(name.substr(7)), nullptr) << "no Dockerfile target for " << name;
  }
}

TEST_F(K8sManifestsTest, EveryObjectUsesItsKindsStableApi) {
  const std::map<std::string, std::string> stable = {
      {"Namespace", "v1"},
      {"ConfigMap", "v1"},
      {"Secret", "v1"},
      {"Service", "v1"},
      {"Deployment", "apps/v1"},
      {"PodDisruptionBudget", "policy/v1"},
      {"HorizontalPodAutoscaler", "autoscaling/v2"},
      {"Kustomization", "kustomize.config.k8s.io/v1beta1"}};
  for (const Manifest& manifest : manifests_) {
    const std::string kind = Str(manifest.object["kind"]);
    ASSERT_TRUE(stable.count(kind)) << manifest.file << ": unexpected kind " << kind;
    EXPECT_EQ(Str(manifest.object["apiVersion"]), stable.at(kind)) << manifest.file;
    if (kind != "Kustomization") EXPECT_FALSE(Str(manifest.object["metadata"]["name"]).empty());
  }
  EXPECT_EQ(OfKind("Deployment").size(), 2u);
}

TEST_F(K8sManifestsTest, ContainersMatchTheirImagesFlagsAndProbes) {
  const GrpcServerOptions server_defaults;
  for (const YAML::Node& deployment : OfKind("Deployment")) {
    const std::string name = Str(deployment["metadata"]["name"]);
    SCOPED_TRACE(name);
    const YAML::Node pod = deployment["spec"]["template"];
    EXPECT_TRUE(Selects(deployment["spec"]["selector"]["matchLabels"], pod["metadata"]["labels"]));

    // Security: the image's non-root user, no privileges, nothing written to the image.
    const std::string user = dockerfile_.Last("runtime", "USER");
    EXPECT_TRUE(pod["spec"]["securityContext"]["runAsNonRoot"].as<bool>());
    EXPECT_EQ(Str(pod["spec"]["securityContext"]["runAsUser"]), user.substr(0, user.find(':')));
    EXPECT_GE(pod["spec"]["terminationGracePeriodSeconds"].as<int>(),
              absl::ToInt64Seconds(server_defaults.drain_delay + server_defaults.shutdown_deadline))
        << "the kubelet would kill calls still inside their shutdown deadline";

    std::vector<YAML::Node> containers;
    for (const YAML::Node& container : pod["spec"]["initContainers"])
      containers.push_back(container);
    const size_t first_main = containers.size();
    for (const YAML::Node& container : pod["spec"]["containers"]) containers.push_back(container);
    ASSERT_EQ(containers.size(), first_main + 1) << "one service container per pod";

    for (size_t i = 0; i < containers.size(); ++i) {
      const YAML::Node& container = containers[i];
      SCOPED_TRACE(Str(container["name"]));
      const std::string image = Str(container["image"]);
      ASSERT_TRUE(absl::StartsWith(image, "laurel/")) << image;
      ASSERT_NE(dockerfile_.Stage(image.substr(7)), nullptr) << image;
      EXPECT_FALSE(container["command"]) << "the image's ENTRYPOINT must stay in charge";
      const YAML::Node security = container["securityContext"];
      EXPECT_FALSE(security["allowPrivilegeEscalation"].as<bool>(true));
      EXPECT_TRUE(security["readOnlyRootFilesystem"].as<bool>(false));
      EXPECT_EQ(Str(security["capabilities"]["drop"][0]), "ALL");
      for (const char* resource : {"cpu", "memory"}) {
        const std::string request = Str(container["resources"]["requests"][resource]);
        const std::string limit = Str(container["resources"]["limits"][resource]);
        ASSERT_FALSE(request.empty() || limit.empty()) << resource << " request and limit";
        EXPECT_LE(Quantity(request), Quantity(limit)) << resource;
      }

      const std::string binary = BinaryOf(container);
      auto flags = testing::LaurelFlagsOf(binary);
      ASSERT_TRUE(flags.ok()) << flags.status();
      // The probes run laurel-health in the service's container, with its environment.
      auto probe_flags = testing::LaurelFlagsOf(testing::ToolBinary("laurel-health"));
      ASSERT_TRUE(probe_flags.ok()) << probe_flags.status();
      const std::map<std::string, std::string> environment = EnvironmentOf(container);
      for (const auto& [variable, value] : environment) {
        bool names_a_flag = false;
        for (const auto& [flag, description] : *flags) {
          names_a_flag |= testing::FlagEnvironmentVariable(flag) == variable;
        }
        for (const auto& [flag, description] : *probe_flags) {
          names_a_flag |= i >= first_main && testing::FlagEnvironmentVariable(flag) == variable;
        }
        // Tokens are read from the environment only, never a flag (a command line is visible to
        // every user of the machine).
        names_a_flag |= variable == "LAUREL_AUTH_TOKENS" && i >= first_main;
        EXPECT_TRUE(names_a_flag) << variable << " sets no flag of " << binary;
        // A file the container reads comes from one of its volumes.
        if (absl::EndsWith(variable, "_FILE")) {
          bool mounted = false;
          for (const YAML::Node& mount : container["volumeMounts"]) {
            mounted |= absl::StartsWith(value, Str(mount["mountPath"]) + "/");
          }
          EXPECT_TRUE(mounted) << variable << "=" << value << " is on no mounted volume";
        }
      }
      EXPECT_TRUE(environment.count("LAUREL_DATABASE_URL"));
      if (i < first_main) {
        EXPECT_EQ(Str(container["args"][0]), "migrate");
        continue;
      }

      // The service container: ports from its flags, the image's and the probes'.
      EXPECT_EQ(Str(container["args"][0]), image.substr(7));
      const int grpc_port = NamedPort(container, "grpc");
      const int metrics_port = NamedPort(container, "metrics");
      EXPECT_EQ(testing::PortOf(environment.at("LAUREL_LISTEN")), grpc_port);
      EXPECT_EQ(testing::PortOf(environment.at("LAUREL_METRICS_LISTEN")), metrics_port);
      EXPECT_EQ(testing::PortOf(flags->at("listen").default_value), grpc_port);
      EXPECT_EQ(testing::PortOf(flags->at("metrics_listen").default_value), metrics_port);
      EXPECT_EQ(Str(pod["metadata"]["annotations"]["prometheus.io/port"]),
                absl::StrCat(metrics_port));
      // A service that takes tokens on a non-loopback address must speak TLS, or it will not start;
      // the kubelet's native gRPC probes cannot, so the probes run the image's healthcheck.
      EXPECT_TRUE(environment.count("LAUREL_AUTH_TOKENS"));
      EXPECT_TRUE(environment.count("LAUREL_TLS_CERT_FILE") && environment.count("LAUREL_CA_FILE"));
      for (const char* probe : {"startupProbe", "livenessProbe", "readinessProbe"}) {
        ASSERT_TRUE(container[probe]["exec"]) << probe;
        EXPECT_EQ(Str(container[probe]["exec"]["command"][0]), "laurel-entrypoint") << probe;
        EXPECT_EQ(Str(container[probe]["exec"]["command"][1]), "healthcheck") << probe;
      }
      EXPECT_EQ(ProbedService(container["startupProbe"]), kLivenessHealthName);
      EXPECT_EQ(ProbedService(container["livenessProbe"]), kLivenessHealthName);
      EXPECT_EQ(ProbedService(container["readinessProbe"]), "")
          << "readiness asks about the whole server";
    }
  }
}

TEST_F(K8sManifestsTest, ServicesRouteToNamedPortsOfOneDeployment) {
  std::map<std::string, std::set<std::string>> service_kinds;  // deployment → {"ClusterIP", "None"}
  for (const YAML::Node& service : OfKind("Service")) {
    const std::string name = Str(service["metadata"]["name"]);
    SCOPED_TRACE(name);
    std::vector<YAML::Node> targets;
    for (const YAML::Node& deployment : OfKind("Deployment")) {
      if (Selects(service["spec"]["selector"],
                  deployment["spec"]["template"]["metadata"]["labels"])) {
        targets.push_back(deployment);
      }
    }
    ASSERT_EQ(targets.size(), 1u) << "a Service selects exactly one Deployment";
    const YAML::Node container = targets[0]["spec"]["template"]["spec"]["containers"][0];
    for (const YAML::Node& port : service["spec"]["ports"]) {
      const int container_port = NamedPort(container, Str(port["targetPort"]));
      EXPECT_NE(container_port, -1) << "no container port " << Str(port["targetPort"]);
      EXPECT_EQ(port["port"].as<int>(), container_port) << "clients use the container's port";
    }
    service_kinds[Str(targets[0]["metadata"]["name"])].insert(
        Str(service["spec"]["clusterIP"]) == "None" ? "headless" : "ClusterIP");
  }
  for (const YAML::Node& deployment : OfKind("Deployment")) {
    EXPECT_EQ(service_kinds[Str(deployment["metadata"]["name"])],
              (std::set<std::string>{"ClusterIP", "headless"}))
        << Str(deployment["metadata"]["name"]) << " needs a Service and a headless Service";
  }
}

TEST_F(K8sManifestsTest, BudgetsAndAutoscalersFitTheirDeployments) {
  for (const YAML::Node& deployment : OfKind("Deployment")) {
    const std::string name = Str(deployment["metadata"]["name"]);
    SCOPED_TRACE(name);
    const YAML::Node labels = deployment["spec"]["template"]["metadata"]["labels"];
    YAML::Node budget, autoscaler;
    for (const YAML::Node& pdb : OfKind("PodDisruptionBudget")) {
      if (Selects(pdb["spec"]["selector"]["matchLabels"], labels)) budget = pdb;
    }
    for (const YAML::Node& hpa : OfKind("HorizontalPodAutoscaler")) {
      if (Str(hpa["spec"]["scaleTargetRef"]["name"]) == name &&
          Str(hpa["spec"]["scaleTargetRef"]["kind"]) == "Deployment") {
        autoscaler = hpa;
      }
    }
    ASSERT_TRUE(budget) << "no PodDisruptionBudget";
    ASSERT_TRUE(autoscaler) << "no HorizontalPodAutoscaler";
    const int min_replicas = autoscaler["spec"]["minReplicas"].as<int>();
    EXPECT_LE(min_replicas, autoscaler["spec"]["maxReplicas"].as<int>());
    EXPECT_EQ(deployment["spec"]["replicas"].as<int>(), min_replicas);
    // A budget that keeps every pod would block node drains forever.
    EXPECT_LT(budget["spec"]["minAvailable"].as<int>(), min_replicas);
    // CPU utilisation is measured against the request.
    EXPECT_TRUE(
        deployment["spec"]["template"]["spec"]["containers"][0]["resources"]["requests"]["cpu"]);
  }
}

TEST_F(K8sManifestsTest, ALiveServiceWithTlsAndTokensAnswersTheProbes) {
  auto certificates = testing::TestCertificates::Create();
  ASSERT_TRUE(certificates.ok()) << certificates.status();
  testing::ServicesOptions options;
  options.ingest_args =
      options.query_args = {"--tls_cert_file=" + (*certificates)->server_cert_file(),
                            "--tls_key_file=" + (*certificates)->server_key_file()};
  options.environment = {{"LAUREL_AUTH_TOKENS",
                          "ingest ingest-token-0123456789;query "
                          "query-token-0123456789"}};
  grpc::SslCredentialsOptions tls;
  tls.pem_root_certs = testing::TestCertificates::Read((*certificates)->ca_file());
  options.credentials = grpc::SslCredentials(tls);
  auto services = testing::RunningServices::Start(options);
  ASSERT_TRUE(services.ok()) << services.status();
  const testing::ImageRoot image;
  ASSERT_TRUE(image.error().empty()) << image.error();
  for (const YAML::Node& deployment : OfKind("Deployment")) {
    const YAML::Node container = deployment["spec"]["template"]["spec"]["containers"][0];
    const std::string address = Str(container["args"][0]) == "ingest-service"
                                    ? (*services)->ingest_address()
                                    : (*services)->query_address();
    for (const char* probe : {"startupProbe", "livenessProbe", "readinessProbe"}) {
      // The probe's command in the container: the service's own address, the CA that signed its
      // certificate and the name on it (the test's, in place of the cluster's), and no token.
      std::string command = absl::StrCat(
          "env -i PATH=", image.bin().string(), ":/usr/bin:/bin LAUREL_LISTEN=", address,
          " LAUREL_CA_FILE=", (*certificates)->ca_file(), " LAUREL_TLS_SERVER_NAME=localhost");
      for (const YAML::Node& word : container[probe]["exec"]["command"]) {
        absl::StrAppend(&command, " ", Str(word));
      }
      const testing::CommandResult result = testing::RunCommand(command);
      EXPECT_EQ(result.exit_code, 0) << probe << ": " << command << "\n" << result.output;
    }
  }
}

}  // namespace
}  // namespace laurel
