using System.Net;
using System.Text;
using Pipeline.Host.Tests.Http;
using static Pipeline.Host.Tests.Http.HostFixture;

namespace Pipeline.Host.Tests.Portal;

/// <summary>The notices a case renders (文书) are listed on the case and downloaded, by whom they are addressed to.</summary>
public sealed class CaseDocumentsTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            id="docs" targetNamespace="http://pipeline.test">
          <bpmn:process id="doc-notice" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:serviceTask id="Notice" name="出具退回补正通知书"><bpmn:extensionElements><zeebe:taskDefinition type="form.render" retries="1" />
              <zeebe:ioMapping><zeebe:input source="return-notice" target="form" />
                <zeebe:input source='={caseNumber: businessKey, institution: "测试培训学校", className: "中式烹调师培训班", findings: [{rule: "R-JZ-3", severity: "error", message: "缺少岗位空缺表", page: null}], resubmit: ["岗位空缺表"], bureau: "焦作市人力资源和社会保障局", date: date("2026-12-01")}' target="data" />
                <zeebe:input source='="退回补正通知书-" + businessKey + ".docx"' target="fileName" />
              </zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:userTask id="Wait" name="Wait"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewer" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Notice" />
            <bpmn:sequenceFlow id="F2" sourceRef="Notice" targetRef="Wait" />
            <bpmn:sequenceFlow id="F3" sourceRef="Wait" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task A_rendered_notice_is_listed_and_downloaded_by_its_institution_and_the_bureau_and_nobody_else()
    {
        await Processes.DeployAsync(host.Client, Xml);
        await Processes.StartAsync(host.Client, "doc-notice", "JZ-2026-DOCS");
        await Processes.PollAsync(host.Client, "JZ-2026-DOCS", v => Processes.Waits(v, "UserTask", "Wait"), TimeSpan.FromMinutes(1));

        var listed = (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/cases/JZ-2026-DOCS/documents", "institution-a", "institution")))).AsArray();
        var notice = Assert.Single(listed)!;
        Assert.Equal("退回补正通知书-JZ-2026-DOCS.docx", notice["fileName"]!.GetValue<string>());
        Assert.Equal("return-notice", notice["form"]!.GetValue<string>());
        Assert.Equal("Notice", notice["nodeId"]!.GetValue<string>());

        var url = $"/api/cases/JZ-2026-DOCS/documents/{notice["sha256"]}";
        var download = await host.Client.SendAsync(As(HttpMethod.Get, url, "institution-a", "institution"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("退回补正通知书-JZ-2026-DOCS.docx", download.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(As(HttpMethod.Get, url, "reviewer-docs", "reviewer"))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(As(HttpMethod.Get, url, "institution-b", "institution"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await host.Client.SendAsync(As(HttpMethod.Get, "/api/cases/JZ-2026-DOCS/documents", "institution-b", "institution"))).StatusCode);
        // A stored original that is not one of the case's documents (another case's pack, say) is not served.
        Assert.Equal(HttpStatusCode.NotFound,
            (await host.Client.SendAsync(As(HttpMethod.Get, $"/api/cases/JZ-2026-DOCS/documents/{new string('0', 64)}", "institution-a", "institution"))).StatusCode);
    }
}
