using System.Xml;
using System.Xml.Linq;

namespace Hotline.Simulator;

/// <summary>Parses a TwiML answer; anything that is not a &lt;Response&gt; document is a failure Twilio would report too.</summary>
public static class TwimlDocument
{
    public static XElement Parse(string xml, string from)
    {
        try
        {
            var root = XDocument.Parse(xml).Root;
            if (root?.Name.LocalName == "Response") return root;
        }
        catch (XmlException e)
        {
            throw new SimulationException($"{from} answered unparseable TwiML ({e.Message}): {xml}");
        }
        throw new SimulationException($"{from} answered XML without a <Response> root: {xml}");
    }
}
