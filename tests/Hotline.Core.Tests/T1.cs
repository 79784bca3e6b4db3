public class T1 { [Fact] public void A() => Assert.True(true); }
