using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Core.Pathway;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Operators;

[Route("flows")]
public sealed class FlowsController(Flow flow, PathwayPolicy pathway) : Controller
{
    [HttpGet("")]
    public IActionResult Index() =>
        View(new FlowPicture(flow, FlowDiagram.Svg(flow), FlowGraph.ToMermaid(flow), pathway.Definition, CaseMachine.ToMermaid()));
}

public sealed record FlowPicture(Flow Flow, string Svg, string Mermaid, PathwayDefinition Pathway, string CaseLifecycleMermaid);
