// The charts of the timelines: Charts sits above Analysis, so the timelines do not know LineChart.

extension BalanceTimeline {
    /// A line chart of the balanced share of triangles and, unweighted, the share of ties frustrated,
    /// both between 0 and 1.
    public func chart(title: String) -> LineChart {
        let axis = (years.map(\.year) + gaps.map(\.year)).sorted()
        let byYear = Dictionary(years.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
        var series = [LineChart.Series(id: "balanced", label: "balanced triangles",
                                       values: axis.map { byYear[$0]?.balancedShare })]
        if signs == .unweighted {
            series.append(LineChart.Series(id: "frustrated", label: "frustrated ties",
                                           values: axis.map { year in byYear[year].flatMap { $0.ties == 0 ? nil : $0.frustration / Double($0.ties) } }))
        }
        return LineChart(title: title, yLabel: "share", years: axis, series: series)
    }
}

extension CommunityTimeline {
    /// A line chart of the modularity per year.
    public func chart(title: String) -> LineChart {
        let axis = (years.map(\.year) + gaps.map(\.year)).sorted()
        let byYear = Dictionary(years.map { ($0.year, $0.modularity) }, uniquingKeysWith: { first, _ in first })
        return LineChart(title: title, yLabel: "modularity", years: axis,
                         series: [LineChart.Series(id: "modularity", label: "modularity", values: axis.map { byYear[$0] })])
    }
}
